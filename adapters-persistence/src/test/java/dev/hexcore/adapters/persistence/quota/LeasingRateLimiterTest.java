package dev.hexcore.adapters.persistence.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitGrant;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leasing decorator over the in-memory limiter (the same GCRA as Redis) on a test clock, counting the calls that
 * reach the shared limiter. The contract itself (bursts, refusals, retry times) is held by the contract tests in
 * bootstrap; these tests are about what leasing changes: how often the shared limiter is asked, and that it never
 * allows more than the shared limiter counted.
 */
class LeasingRateLimiterTest {
    /** 6 000 per minute: 100 per second, so a lease holds a tenth of a second's budget, 10 requests. */
    private static final RateLimitPolicy BUSY = RateLimitPolicy.perMinute("busy", 6_000);

    private MutableClock clock;
    private CountingLimiter shared;
    private LeasingRateLimiter leasing;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        shared = new CountingLimiter(new InMemoryRateLimiter(clock));
        leasing = new LeasingRateLimiter(shared, clock);
    }

    @Test
    void leaseSizeIsATenthOfASecondsBudgetCappedAndOneForSmallPolicies() {
        assertThat(LeasingRateLimiter.leaseSize(BUSY)).isEqualTo(10);
        assertThat(LeasingRateLimiter.leaseSize(RateLimitPolicy.perMinute("default", 100))).isEqualTo(1);
        assertThat(LeasingRateLimiter.leaseSize(RateLimitPolicy.perMinute("edge", 1_199))).isEqualTo(1);
        assertThat(LeasingRateLimiter.leaseSize(RateLimitPolicy.perMinute("edge", 1_200))).isEqualTo(2);
        assertThat(LeasingRateLimiter.leaseSize(RateLimitPolicy.perMinute("huge", 100_000_000))).isEqualTo(LeasingRateLimiter.MAX_LEASE);
    }

    @Test
    void aBusyPolicyAsksTheSharedLimiterOncePerLease() {
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 100; i++) decisions.add(acquire("key:a", BUSY));

        assertThat(decisions).allMatch(RateLimitDecision::allowed);
        assertThat(shared.calls.get()).isEqualTo(10);
        // remaining counts down through the lease: the shared limiter's rest plus this replica's unused permits
        assertThat(decisions.get(0).remaining()).isEqualTo(5_999);
        assertThat(decisions.get(1).remaining()).isEqualTo(5_998);
        assertThat(decisions.get(99).remaining()).isEqualTo(5_900);
    }

    @Test
    void aSmallPolicyAsksTheSharedLimiterForEveryAllowedRequest() {
        RateLimitPolicy small = RateLimitPolicy.perMinute("small", 100);
        for (int i = 0; i < 5; i++) assertThat(acquire("user:a", small).allowed()).isTrue();
        assertThat(shared.calls.get()).isEqualTo(5);
        assertThat(shared.wanted).containsOnly(1L);
    }

    @Test
    void refusalsAreAnsweredLocallyUntilTheRetryTimeThenTheSharedLimiterIsAskedAgain() {
        RateLimitPolicy tiny = RateLimitPolicy.perMinute("tiny", 2);
        acquire("key:t", tiny);
        acquire("key:t", tiny);
        RateLimitDecision refused = acquire("key:t", tiny);
        assertThat(refused.allowed()).isFalse();
        int callsAfterFirstRefusal = shared.calls.get();

        clock.advance(Duration.ofSeconds(10));
        RateLimitDecision stillRefused = acquire("key:t", tiny);
        assertThat(stillRefused.allowed()).isFalse();
        assertThat(stillRefused.remaining()).isZero();
        assertThat(stillRefused.retryAfter()).isEqualTo(refused.retryAfter().minusSeconds(10));
        assertThat(stillRefused.resetAfter()).isEqualTo(refused.resetAfter().minusSeconds(10));
        assertThat(shared.calls.get()).as("refusals answered without the shared limiter").isEqualTo(callsAfterFirstRefusal);

        clock.advance(stillRefused.retryAfter());
        assertThat(acquire("key:t", tiny).allowed()).isTrue();
        assertThat(shared.calls.get()).isEqualTo(callsAfterFirstRefusal + 1);
    }

    @Test
    void unusedLeasedPermitsAreDroppedAfterTheLeaseTtl() {
        acquire("key:b", BUSY);                     // leases 10, hands out 1
        clock.advance(LeasingRateLimiter.LEASE_TTL);
        acquire("key:b", BUSY);                     // the 9 left are gone: a new lease
        assertThat(shared.calls.get()).isEqualTo(2);
        assertThat(shared.granted.get()).isEqualTo(20);
    }

    @Test
    void replicasTogetherNeverAllowMoreThanTheSharedLimiterCounted() {
        RateLimitPolicy hourly = new RateLimitPolicy("hourly", 1_000, Duration.ofHours(1)); // lease of 1
        RateLimitPolicy perSecond = new RateLimitPolicy("per-second", 1_000, Duration.ofSeconds(1)); // lease of 100
        for (RateLimitPolicy policy : List.of(hourly, perSecond)) {
            LeasingRateLimiter other = new LeasingRateLimiter(shared, clock);
            long allowed = 0;
            for (int i = 0; i < 1_500; i++) {
                if (join(leasing.acquire("key:c", policy)).allowed()) allowed++;
                if (join(other.acquire("key:c", policy)).allowed()) allowed++;
            }
            assertThat(allowed).as(policy.name()).isLessThanOrEqualTo(Math.min(policy.limit(), shared.granted.get()));
            // at most one lease per replica is left unused
            assertThat(allowed).as(policy.name()).isGreaterThanOrEqualTo(policy.limit() - 2 * LeasingRateLimiter.leaseSize(policy));
            shared.granted.set(0);
        }
    }

    @Test
    void concurrentRequestsThatFindTheLeaseEmptyShareOneSharedCall() {
        ManualLimiter manual = new ManualLimiter();
        LeasingRateLimiter gated = new LeasingRateLimiter(manual, clock);
        List<CompletableFuture<RateLimitDecision>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) waiting.add(gated.acquire("key:d", BUSY).toCompletableFuture());
        assertThat(manual.pending).hasSize(1);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        manual.pending.get(0).complete(new RateLimitGrant(
                new RateLimitDecision(true, BUSY.limit(), 5_990, Duration.ofMillis(100), Duration.ZERO), 10));
        assertThat(waiting).allMatch(f -> f.isDone() && f.join().allowed());
        assertThat(manual.pending).as("8 requests fit in one lease of 10").hasSize(1);
    }

    private RateLimitDecision acquire(String subject, RateLimitPolicy policy) {
        return join(leasing.acquire(subject, policy));
    }

    private static RateLimitDecision join(CompletionStage<RateLimitDecision> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Passes calls to a real limiter, counting them and what they asked for and got. */
    private static final class CountingLimiter implements RateLimiter {
        final RateLimiter delegate;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger granted = new AtomicInteger();
        final List<Long> wanted = new ArrayList<>();

        CountingLimiter(RateLimiter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
            return acquireUpTo(subject, policy, 1).thenApply(RateLimitGrant::decision);
        }

        @Override
        public CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
            calls.incrementAndGet();
            this.wanted.add(wanted);
            return delegate.acquireUpTo(subject, policy, wanted).thenApply(grant -> {
                granted.addAndGet((int) grant.permits());
                return grant;
            });
        }

        @Override
        public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
            return delegate.peek(subject, policy);
        }
    }

    /** Answers only when the test completes the call, as a slow Redis would. */
    private static final class ManualLimiter implements RateLimiter {
        final List<CompletableFuture<RateLimitGrant>> pending = new ArrayList<>();

        @Override
        public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
            return acquireUpTo(subject, policy, 1).thenApply(RateLimitGrant::decision);
        }

        @Override
        public CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
            CompletableFuture<RateLimitGrant> call = new CompletableFuture<>();
            pending.add(call);
            return call;
        }

        @Override
        public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
            throw new UnsupportedOperationException();
        }
    }
}
