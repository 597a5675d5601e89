package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.adapters.persistence.recommendation.RedisGenerationLocks;
import dev.hexcore.adapters.persistence.recommendation.RedisRecommendationStore;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.RecommendationStore;
import dev.hexcore.domain.shared.UnavailableException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The Redis cache and locks on the suite's Redis; two lock instances stand for two replicas. */
@QuarkusTest
class RedisRecommendationCacheContractTest extends RecommendationCacheContract {
    @Inject
    RedisDataSource redis;

    @Inject
    Vertx vertx;

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

    /** The cache has no other home: with Redis gone every call is a 503-to-be (ADR 0030), never an unexpected error. */
    @Test
    void withRedisUnreachableEveryCallIsUnavailable() {
        Redis unreachable = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            RedisDataSource down = new BlockingRedisDataSourceImpl(vertx, unreachable, RedisAPI.api(unreachable),
                    Duration.ofSeconds(2));
            RedisRecommendationStore store = new RedisRecommendationStore(down);
            RedisGenerationLocks locks = new RedisGenerationLocks(down);
            for (ThrowingCallable call : new ThrowingCallable[]{
                    () -> store.find("recommendations:user:1"),
                    () -> locks.tryLock("lock:recommendations:user:1", Duration.ofSeconds(5)),
                    () -> locks.isLocked("lock:recommendations:user:1")}) {
                assertThatThrownBy(call).isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("RECOMMENDATIONS_UNAVAILABLE");
                    assertThat(e.getMessage()).doesNotContain("127.0.0.1");
                });
            }
        } finally {
            unreachable.close();
        }
    }
}
