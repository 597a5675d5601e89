package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitGrant;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} promises, whether it counts in memory or in Redis (GCRA: a burst of {@code limit},
 * then one request per {@code period / limit}).
 *
 * <p>Written for real time so Redis, which uses its server clock, can run it: policies are small (3 per 2 s) and the
 * waits short. Implementations with a test clock move it in {@link #pass(Duration)} instead of sleeping. Every test
 * uses its own policy name and subject, so leftovers in a shared Redis cannot interfere.
 */
public abstract class RateLimiterContract {
    /** Slack for the real-time implementations: calls in one test happen well within this of each other. */
    private static final Duration SLACK = Duration.ofMillis(40);

    /** The limiter under test. */
    protected abstract RateLimiter limiter();

    /** Lets {@code duration} pass: moves a test clock, or sleeps. */
    protected abstract void pass(Duration duration);

    protected static RateLimitPolicy policy(long limit, Duration period) {
        return new RateLimitPolicy("contract-" + UUID.randomUUID(), limit, period);
    }

    protected static String subject() {
        return "subject-" + UUID.randomUUID();
    }

    protected final RateLimitDecision acquire(String subject, RateLimitPolicy policy) {
        return join(limiter().acquire(subject, policy));
    }

    protected final RateLimitDecision peek(String subject, RateLimitPolicy policy) {
        return join(limiter().peek(subject, policy));
    }

    private static RateLimitDecision join(CompletionStage<RateLimitDecision> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the limiter did not answer", e);
        }
    }

    private static Duration interval(RateLimitPolicy policy) {
        return Duration.ofNanos(policy.emissionIntervalMicros() * 1_000);
    }

    @Test
    void aBurstOfLimitIsAllowedAndTheNextRequestIsRefused() {
        RateLimitPolicy policy = policy(3, Duration.ofSeconds(2));
        String subject = subject();
        for (int i = 1; i <= 3; i++) {
            RateLimitDecision decision = acquire(subject, policy);
            assertThat(decision.allowed()).as("request %d of the burst", i).isTrue();
            assertThat(decision.limit()).isEqualTo(3);
            assertThat(decision.retryAfter()).isEqualTo(Duration.ZERO);
        }
        RateLimitDecision refused = acquire(subject, policy);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(interval(policy));
        assertThat(refused.resetAfter()).isPositive().isLessThanOrEqualTo(policy.period());
    }

    @Test
    void remainingCountsDownAndResetGrows() {
        RateLimitPolicy policy = policy(3, Duration.ofSeconds(2));
        String subject = subject();
        RateLimitDecision first = acquire(subject, policy);
        RateLimitDecision second = acquire(subject, policy);
        RateLimitDecision third = acquire(subject, policy);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(second.remaining()).isEqualTo(1);
        assertThat(third.remaining()).isZero();
        assertThat(first.resetAfter()).isPositive().isLessThanOrEqualTo(interval(policy));
        assertThat(third.resetAfter()).isGreaterThan(second.resetAfter()).isLessThanOrEqualTo(policy.period());
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        RateLimitPolicy policy = policy(2, Duration.ofSeconds(60));
        String subject = subject();
        acquire(subject, policy);
        acquire(subject, policy);
        RateLimitDecision first = acquire(subject, policy);
        RateLimitDecision second = acquire(subject, policy);
        assertThat(first.allowed()).isFalse();
        assertThat(second.allowed()).isFalse();
        // had the refusals counted, the wait would have grown by an interval each time
        assertThat(second.retryAfter()).isLessThanOrEqualTo(first.retryAfter());
    }

    @Test
    void peekTellsTheDecisionWithoutConsuming() {
        RateLimitPolicy policy = policy(3, Duration.ofSeconds(2));
        String subject = subject();
        RateLimitDecision fresh = peek(subject, policy);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            assertThat(peek(subject, policy).allowed()).isTrue();
        }
        assertThat(acquire(subject, policy).remaining()).isEqualTo(2);
        assertThat(peek(subject, policy).remaining()).isEqualTo(2);
        assertThat(acquire(subject, policy).allowed()).isTrue();
        assertThat(acquire(subject, policy).allowed()).isTrue();

        RateLimitDecision exhausted = peek(subject, policy);
        assertThat(exhausted.allowed()).isFalse();
        assertThat(exhausted.remaining()).isZero();
        assertThat(exhausted.retryAfter()).isPositive().isLessThanOrEqualTo(interval(policy));
        assertThat(acquire(subject, policy).allowed()).isFalse();
    }

    @Test
    void subjectsAreCountedIndependently() {
        RateLimitPolicy policy = policy(3, Duration.ofSeconds(2));
        String busy = subject();
        String quiet = subject();
        for (int i = 0; i < 3; i++) acquire(busy, policy);
        assertThat(acquire(busy, policy).allowed()).isFalse();

        RateLimitDecision other = acquire(quiet, policy);
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(2);
    }

    @Test
    void policiesAreCountedIndependently() {
        String subject = subject();
        RateLimitPolicy spent = policy(3, Duration.ofSeconds(2));
        RateLimitPolicy untouched = policy(3, Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) acquire(subject, spent);
        assertThat(acquire(subject, spent).allowed()).isFalse();
        assertThat(acquire(subject, untouched).allowed()).isTrue();
    }

    @Test
    void oneRequestIsAllowedAgainAfterRetryAfter() {
        RateLimitPolicy policy = policy(3, Duration.ofSeconds(2));
        String subject = subject();
        for (int i = 0; i < 3; i++) acquire(subject, policy);
        RateLimitDecision refused = acquire(subject, policy);
        assertThat(refused.allowed()).isFalse();

        pass(refused.retryAfter().plus(SLACK));
        RateLimitDecision again = acquire(subject, policy);
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isZero();
        assertThat(acquire(subject, policy).allowed()).as("only one request came back").isFalse();
    }

    @Test
    void theWholeBurstIsBackAfterOnePeriod() {
        RateLimitPolicy policy = policy(3, Duration.ofMillis(600));
        String subject = subject();
        for (int i = 0; i < 3; i++) acquire(subject, policy);
        assertThat(acquire(subject, policy).allowed()).isFalse();

        pass(policy.period().plus(SLACK));
        assertThat(peek(subject, policy).remaining()).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(acquire(subject, policy).allowed()).as("request %d of the new burst", i).isTrue();
        }
        assertThat(acquire(subject, policy).allowed()).isFalse();
    }

    @Test
    void aLimitOfOneAllowsOneRequestPerPeriod() {
        RateLimitPolicy policy = policy(1, Duration.ofMillis(500));
        String subject = subject();
        assertThat(acquire(subject, policy).allowed()).isTrue();
        RateLimitDecision refused = acquire(subject, policy);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(policy.period());
        pass(refused.retryAfter().plus(SLACK));
        assertThat(acquire(subject, policy).allowed()).isTrue();
    }

    @Test
    void aLeaseCountsAsManyAsTheBudgetHoldsAtMostWanted() {
        RateLimitPolicy policy = policy(10, Duration.ofHours(1));
        String subject = subject();
        RateLimitGrant first = lease(subject, policy, 4);
        assertThat(first.permits()).isEqualTo(4);
        assertThat(first.decision().allowed()).isTrue();
        assertThat(first.decision().remaining()).isEqualTo(6);

        RateLimitGrant rest = lease(subject, policy, 100);
        assertThat(rest.permits()).as("only what is left").isEqualTo(6);
        assertThat(rest.decision().remaining()).isZero();
        assertThat(rest.decision().resetAfter()).isPositive().isLessThanOrEqualTo(policy.period());

        RateLimitGrant refused = lease(subject, policy, 4);
        assertThat(refused.permits()).isZero();
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.decision().retryAfter()).isPositive().isLessThanOrEqualTo(interval(policy));
        assertThat(acquire(subject, policy).allowed()).as("the lease counted every permit it granted").isFalse();
    }

    protected final RateLimitGrant lease(String subject, RateLimitPolicy policy, long wanted) {
        try {
            return limiter().acquireUpTo(subject, policy, wanted).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the limiter did not answer", e);
        }
    }
}
