package dev.hexcore.bootstrap.contract;

import dev.hexcore.adapters.persistence.quota.InMemoryRateLimiter;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** The rate-limiter contract for the in-memory limiter (embedded default and Redis fallback), on a test clock. */
class InMemoryRateLimiterContractTest extends RateLimiterContract {
    private MutableClock clock;
    private RateLimiter limiter;

    @BeforeEach
    void newLimiter() {
        clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        limiter = decorate(new InMemoryRateLimiter(clock), clock);
    }

    /** The limiter under test, built on the in-memory one: itself here, a decorator of it in subclasses. */
    RateLimiter decorate(InMemoryRateLimiter memory, Clock clock) {
        return memory;
    }

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void pass(Duration duration) {
        clock.advance(duration);
    }
}
