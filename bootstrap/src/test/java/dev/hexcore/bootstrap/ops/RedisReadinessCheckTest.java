package dev.hexcore.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** ADR 0030: a Redis that does not answer is reported, but never takes the replica out of the load balancer. */
class RedisReadinessCheckTest {
    @Test
    void anUnreachableRedisIsReportedWithoutFailingReadiness() {
        Vertx vertx = Vertx.vertx();
        Redis unreachable = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            HealthCheckResponse response = RedisReadinessCheck.ping(
                    new ReactiveRedisDataSourceImpl(vertx, unreachable, RedisAPI.api(unreachable)))
                    .await().atMost(Duration.ofSeconds(5));
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData()).isPresent();
            assertThat(response.getData().get()).containsEntry("reachable", false).containsEntry("mode", "redis")
                    .containsKey("error");
        } finally {
            unreachable.close();
            vertx.closeAndAwait();
        }
    }
}
