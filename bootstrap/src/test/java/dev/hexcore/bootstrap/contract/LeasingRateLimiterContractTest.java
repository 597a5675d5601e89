package dev.hexcore.bootstrap.contract;

import dev.hexcore.adapters.persistence.quota.InMemoryRateLimiter;
import dev.hexcore.adapters.persistence.quota.LeasingRateLimiter;
import dev.hexcore.domain.quota.RateLimiter;
import java.time.Clock;

/**
 * The rate-limiter contract for the leasing decorator the app puts in front of Redis, here over the in-memory limiter
 * on a test clock: remembering refusals locally must not change a single decision.
 */
class LeasingRateLimiterContractTest extends InMemoryRateLimiterContractTest {
    @Override
    RateLimiter decorate(InMemoryRateLimiter memory, Clock clock) {
        return new LeasingRateLimiter(memory, clock);
    }
}
