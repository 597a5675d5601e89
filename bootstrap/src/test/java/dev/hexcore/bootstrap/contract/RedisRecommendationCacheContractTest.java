package dev.hexcore.bootstrap.contract;

import dev.hexcore.adapters.persistence.recommendation.RedisGenerationLocks;
import dev.hexcore.adapters.persistence.recommendation.RedisRecommendationStore;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.RecommendationStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;

/** The Redis cache and locks on the suite's Redis; two lock instances stand for two replicas. */
@QuarkusTest
class RedisRecommendationCacheContractTest extends RecommendationCacheContract {
    @Inject
    RedisDataSource redis;

    private RedisGenerationLocks locks;
    private RedisGenerationLocks other;

    @Override
    protected RecommendationStore store() {
        return new RedisRecommendationStore(redis);
    }

    @Override
    protected GenerationLocks locks() {
        if (locks == null) locks = new RedisGenerationLocks(redis);
        return locks;
    }

    @Override
    protected GenerationLocks otherReplica() {
        if (other == null) other = new RedisGenerationLocks(redis);
        return other;
    }

    @Override
    protected void pass(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
