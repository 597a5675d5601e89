package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.Gcra;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitGrant;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimiter} for one process: the domain {@link Gcra} on a map of theoretical arrival times, updated
 * atomically per key. Counters are not shared between replicas, so this is the embedded default and the fallback of
 * {@link RedisRateLimiter}. Keys whose TAT has passed hold no information (a missing key means the same) and are swept
 * at most every {@link #SWEEP_EVERY_MICROS} µs, so memory follows the number of recently active subjects.
 *
 * <p>Not a CDI bean: the bootstrap module produces the limiter it selects.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    static final long SWEEP_EVERY_MICROS = 10_000_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Long> tats = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
        return CompletableFuture.completedFuture(lease(subject, policy, 1).decision());
    }

    @Override
    public CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
        return CompletableFuture.completedFuture(lease(subject, policy, wanted));
    }

    private RateLimitGrant lease(String subject, RateLimitPolicy policy, long wanted) {
        long now = nowMicros();
        sweepIfDue(now);
        RateLimitGrant[] grant = new RateLimitGrant[1];
        tats.compute(key(subject, policy), (key, stored) -> {
            Gcra.Lease lease = Gcra.lease(stored == null ? 0 : stored, now, policy, wanted);
            grant[0] = lease.grant();
            return lease.newTat() > now ? lease.newTat() : null;
        });
        return grant[0];
    }

    @Override
    public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
        Long stored = tats.get(key(subject, policy));
        return CompletableFuture.completedFuture(Gcra.check(stored == null ? 0 : stored, nowMicros(), policy, 0).decision());
    }

    /** How many subject/policy pairs are tracked now. */
    int size() {
        return tats.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MICROS)) {
            tats.values().removeIf(tat -> tat <= now);
        }
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    private static String key(String subject, RateLimitPolicy policy) {
        return policy.name() + ":" + subject;
    }
}
