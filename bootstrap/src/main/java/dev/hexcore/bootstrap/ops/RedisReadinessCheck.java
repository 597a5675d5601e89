package dev.hexcore.bootstrap.ops;

import dev.hexcore.bootstrap.wiring.RedisSettings;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only if the configured Redis answers PING; in-memory mode has nothing to check. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {
    private final RedisSettings settings;
    private final Instance<ReactiveRedisDataSource> redis;

    public RedisReadinessCheck(RedisSettings settings, Instance<ReactiveRedisDataSource> redis) {
        this.settings = settings;
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!settings.configured()) {
            return Uni.createFrom().item(HealthCheckResponse.named("redis").up().withData("mode", "in-memory").build());
        }
        return redis.get().execute("PING")
                .map(reply -> HealthCheckResponse.named("redis").up().withData("mode", "redis").build())
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("redis").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
