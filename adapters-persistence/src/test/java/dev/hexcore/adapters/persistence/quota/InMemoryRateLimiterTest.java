package dev.hexcore.adapters.persistence.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
    /** 5 per second: one request every 200 ms at the sustained rate. */
    private static final RateLimitPolicy FIVE_PER_SECOND = new RateLimitPolicy("api", 5, Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    @Test
    void allowsABurstOfLimitThenRefusesWithRetryAfterTheEmissionInterval() {
        for (int i = 1; i <= 5; i++) {
            RateLimitDecision decision = acquire("key-1", FIVE_PER_SECOND);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(5);
            assertThat(decision.remaining()).isEqualTo(5 - i);
            assertThat(decision.resetAfter()).isEqualTo(Duration.ofMillis(200L * i));
        }

        RateLimitDecision refused = acquire("key-1", FIVE_PER_SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));
        assertThat(refused.resetAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusalsDoNotCountAndTheBucketRefillsAtTheSustainedRate() {
        exhaust("key-1", FIVE_PER_SECOND);
        clock.advance(Duration.ofMillis(150));
        RateLimitDecision stillRefused = acquire("key-1", FIVE_PER_SECOND);
        assertThat(stillRefused.allowed()).isFalse();
        assertThat(stillRefused.retryAfter()).isEqualTo(Duration.ofMillis(50));

        clock.advance(Duration.ofMillis(50));
        assertThat(acquire("key-1", FIVE_PER_SECOND).allowed()).isTrue();
        assertThat(acquire("key-1", FIVE_PER_SECOND).allowed()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        RateLimitDecision refilled = acquire("key-1", FIVE_PER_SECOND);
        assertThat(refilled.allowed()).isTrue();
        assertThat(refilled.remaining()).isEqualTo(4);
    }

    @Test
    void peekReportsTheNextDecisionWithoutCounting() {
        RateLimitDecision fresh = peek("key-1", FIVE_PER_SECOND);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(5);
        for (int i = 0; i < 10; i++) peek("key-1", FIVE_PER_SECOND);
        assertThat(acquire("key-1", FIVE_PER_SECOND).remaining()).isEqualTo(4);
        assertThat(peek("key-1", FIVE_PER_SECOND).remaining()).isEqualTo(4);

        exhaust("key-1", FIVE_PER_SECOND);
        RateLimitDecision peeked = peek("key-1", FIVE_PER_SECOND);
        assertThat(peeked.allowed()).isFalse();
        assertThat(peeked.retryAfter()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void subjectsAndPoliciesHaveSeparateCounters() {
        RateLimitPolicy otherPolicy = new RateLimitPolicy("login", 5, Duration.ofSeconds(1));
        exhaust("key-1", FIVE_PER_SECOND);

        assertThat(acquire("key-2", FIVE_PER_SECOND).remaining()).isEqualTo(4);
        assertThat(acquire("key-1", otherPolicy).remaining()).isEqualTo(4);
        assertThat(acquire("key-1", FIVE_PER_SECOND).allowed()).isFalse();
    }

    @Test
    void forgetsSubjectsWhoseCountersHaveFullyRefilled() {
        acquire("key-1", FIVE_PER_SECOND);
        acquire("key-2", FIVE_PER_SECOND);
        assertThat(limiter.size()).isEqualTo(2);

        clock.advance(Duration.ofMillis(InMemoryRateLimiter.SWEEP_EVERY_MICROS / 1_000));
        acquire("key-3", FIVE_PER_SECOND);
        assertThat(limiter.size()).isEqualTo(1);
    }

    private void exhaust(String subject, RateLimitPolicy policy) {
        while (acquire(subject, policy).allowed()) {
            // keep acquiring until refused
        }
    }

    private RateLimitDecision acquire(String subject, RateLimitPolicy policy) {
        return limiter.acquire(subject, policy).toCompletableFuture().join();
    }

    private RateLimitDecision peek(String subject, RateLimitPolicy policy) {
        return limiter.peek(subject, policy).toCompletableFuture().join();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
