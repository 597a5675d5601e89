package dev.hexcore.bootstrap.contract;

import dev.hexcore.adapters.persistence.recommendation.InMemoryGenerationLocks;
import dev.hexcore.adapters.persistence.recommendation.InMemoryRecommendationStore;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.RecommendationStore;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** The in-memory cache and locks (embedded defaults) on a fake clock. */
class InMemoryRecommendationCacheContractTest extends RecommendationCacheContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final InMemoryRecommendationStore store = new InMemoryRecommendationStore(clock);
    private final InMemoryGenerationLocks locks = new InMemoryGenerationLocks(clock);

    @Override
    protected RecommendationStore store() {
        return store;
    }

    @Override
    protected GenerationLocks locks() {
        return locks;
    }

    @Override
    protected GenerationLocks otherReplica() {
        return locks;
    }

    @Override
    protected void pass(Duration duration) {
        clock.advance(duration);
    }
}
