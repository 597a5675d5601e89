package dev.hexcore.adapters.persistence.quota;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitGrant;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the shared limiter (Redis) off the path of most requests, without ever allowing what it would refuse:
 *
 * <ul>
 *   <li><b>Refusals are remembered.</b> When the shared limiter refuses a subject, it would refuse every request
 *   until {@code retryAfter} has passed (GCRA's stored time only moves forward, whichever replica counts), so this
 *   replica answers those refusals itself, with the same headers, and counts nothing. Exact.</li>
 *   <li><b>Budget is leased.</b> For a policy whose limit allows more than one request per {@link #LEASE_SPAN} at the
 *   sustained rate, a replica counts up to that many requests in the shared limiter in one call
 *   ({@link RateLimiter#acquireUpTo}) and hands them out locally for at most {@link #LEASE_TTL}; what is left then
 *   is dropped, never returned. Concurrent requests that find the lease empty wait for one shared call. Every
 *   leased request was counted before it was allowed, so replicas together never exceed the limit; what leasing
 *   changes is <em>when</em> a counted request happens, up to {@link #LEASE_TTL} later, so a window can see at most
 *   one lease per replica more than GCRA alone would allow there (at most {@link #MAX_LEASE}, or a tenth of a
 *   second's budget). Policies of 1 200 per minute or fewer are never leased and stay exact.</li>
 * </ul>
 *
 * {@code RateLimit-Remaining} counts this replica's unused leased permits as remaining. Peeks and explicit
 * {@link #acquireUpTo} calls go to the shared limiter. Not a CDI bean: the bootstrap module wraps the Redis limiter in it.
 */
public final class LeasingRateLimiter implements RateLimiter {
    /** A lease holds at most the budget of this span at the sustained rate (100 ms: 1/600 of a minute). */
    static final Duration LEASE_SPAN = Duration.ofMillis(100);
    /** Leased permits not handed out by then are dropped. */
    static final Duration LEASE_TTL = Duration.ofSeconds(1);
    static final long MAX_LEASE = 256;
    private static final long MAX_SUBJECTS = 100_000;

    private final RateLimiter shared;
    private final Clock clock;
    private final Cache<String, Slot> slots = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(MAX_SUBJECTS).build();

    public LeasingRateLimiter(RateLimiter shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** How many requests one call to the shared limiter counts for {@code policy}: 1 means no lease. */
    static long leaseSize(RateLimitPolicy policy) {
        long perSpan = policy.limit() * (LEASE_SPAN.toNanos() / 1_000) / policy.periodMicros();
        return Math.max(1, Math.min(MAX_LEASE, perSpan));
    }

    @Override
    public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
        Slot slot = slots.get(policy.name() + ":" + subject, key -> new Slot());
        long wanted = leaseSize(policy);
        CompletableFuture<Void> running;
        CompletableFuture<Void> mine = null;
        synchronized (slot) {
            RateLimitDecision local = slot.take(nowMicros(), policy.limit());
            if (local != null) return CompletableFuture.completedFuture(local);
            running = slot.refill;
            if (running == null && wanted > 1) slot.refill = mine = new CompletableFuture<>();
        }
        if (running != null) return running.thenCompose(ignored -> acquire(subject, policy));
        CompletableFuture<Void> refill = mine;
        return shared.acquireUpTo(subject, policy, wanted).whenComplete((grant, failure) -> {
            synchronized (slot) {
                if (grant != null) slot.keep(grant, nowMicros());
                if (refill != null) slot.refill = null;
            }
            if (refill != null) refill.complete(null);
        }).thenApply(grant -> Slot.firstOf(grant, policy.limit()));
    }

    /** An explicit multi-count goes to the shared limiter as it is. */
    @Override
    public CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
        return shared.acquireUpTo(subject, policy, wanted);
    }

    @Override
    public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
        return shared.peek(subject, policy);
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    /** This replica's view of one subject under one policy. Guarded by its own monitor. */
    private static final class Slot {
        /** Leased permits not yet handed out, usable until {@link #leaseEnds}. */
        private long permits;
        private long leaseEnds;
        /** What the shared limiter had left, and when its whole budget is back, as of the last answer. */
        private long sharedRemaining;
        private long resetAt;
        /** The shared limiter refuses every request before this. */
        private long refusedUntil;
        /** The shared call fetching a lease, while one is running. */
        private CompletableFuture<Void> refill;

        /** A decision made here, or null when the shared limiter has to be asked. */
        RateLimitDecision take(long now, long limit) {
            if (now < refusedUntil) {
                return new RateLimitDecision(false, limit, 0, micros(resetAt - now), micros(refusedUntil - now));
            }
            if (permits > 0 && now < leaseEnds) {
                permits--;
                return new RateLimitDecision(true, limit, Math.min(limit, sharedRemaining + permits),
                        micros(resetAt - now), Duration.ZERO);
            }
            permits = 0;
            return null;
        }

        /** Remembers a shared answer: a refusal until its retry time, a lease's permits beyond the caller's own. */
        void keep(RateLimitGrant grant, long now) {
            RateLimitDecision decision = grant.decision();
            resetAt = now + decision.resetAfter().toNanos() / 1_000;
            sharedRemaining = decision.remaining();
            if (!decision.allowed()) {
                refusedUntil = now + decision.retryAfter().toNanos() / 1_000;
                permits = 0;
            } else {
                permits = grant.permits() - 1;
                leaseEnds = now + LEASE_TTL.toNanos() / 1_000;
            }
        }

        /** The caller's decision from a grant: it takes the first permit, the rest of the lease counts as remaining. */
        static RateLimitDecision firstOf(RateLimitGrant grant, long limit) {
            RateLimitDecision decision = grant.decision();
            if (!decision.allowed() || grant.permits() <= 1) return decision;
            return new RateLimitDecision(true, limit, Math.min(limit, decision.remaining() + grant.permits() - 1),
                    decision.resetAfter(), Duration.ZERO);
        }

        private static Duration micros(long value) {
            return Duration.of(Math.max(0, value), ChronoUnit.MICROS);
        }
    }
}
