package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.persistence.quota.InMemoryRateLimiter;
import dev.hexcore.adapters.persistence.quota.LeasingRateLimiter;
import dev.hexcore.adapters.persistence.quota.RedisRateLimiter;
import dev.hexcore.domain.quota.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Rate-limit counters: in Redis (shared by all replicas, behind the replica-local {@link LeasingRateLimiter}) when
 * {@code quarkus.redis.hosts} is set, else in memory.
 */
public class QuotaWiring {
    private static final Logger LOG = Logger.getLogger(QuotaWiring.class);

    @Produces
    @Singleton
    RateLimiter rateLimiter(RedisSettings redis, Instance<ReactiveRedisDataSource> redisClient, MeterRegistry meters,
                            Clock clock) {
        InMemoryRateLimiter memory = new InMemoryRateLimiter(clock);
        if (!redis.configured()) {
            LOG.info("Rate limits are counted in memory (set QUARKUS_REDIS_HOSTS to share them across replicas)");
            return memory;
        }
        // Refusals and (for busy policies) leased budget are answered on this replica: ADR 0005
        return new LeasingRateLimiter(new RedisRateLimiter(redisClient.get(), memory, meters), clock);
    }
}
