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

/**
 * Reports whether the configured Redis answers PING, without ever making the replica unready (ADR 0030): while Redis
 * is down every replica still serves, with rate limits and model quotas counted per replica, and taking them all out
 * of the load balancer would turn a degraded service into none. The check stays UP and says {@code reachable: false}
 * (with the failure's type) for dashboards; alert on it and on {@code hexcore_ratelimit_redis_fallbacks_total}.
 * In-memory mode has nothing to check.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

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
        return ping(redis.get());
    }

    /** UP in every case; {@code reachable} says whether Redis answered PING within {@link #TIMEOUT}. */
    static Uni<HealthCheckResponse> ping(ReactiveRedisDataSource redis) {
        return redis.execute("PING")
                .map(reply -> HealthCheckResponse.named("redis").up().withData("mode", "redis")
                        .withData("reachable", true).build())
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("redis").up().withData("mode", "redis")
                        .withData("reachable", false).withData("error", e.getClass().getSimpleName())
                        .withData("fallback", "per-replica limits and quotas").build());
    }
}
