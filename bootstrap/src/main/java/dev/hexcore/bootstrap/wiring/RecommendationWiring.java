package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.persistence.recommendation.InMemoryGenerationLocks;
import dev.hexcore.adapters.persistence.recommendation.InMemoryRecommendationStore;
import dev.hexcore.adapters.persistence.recommendation.RedisGenerationLocks;
import dev.hexcore.adapters.persistence.recommendation.RedisRecommendationStore;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.application.recommendation.RecommendationAccess;
import dev.hexcore.application.recommendation.RecommendationService;
import dev.hexcore.application.recommendation.RecommendationSettings;
import dev.hexcore.application.recommendation.RecommendationsUseCase;
import dev.hexcore.application.recommendation.RegenerateRecommendationsUseCase;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.recommendation.AdviceReader;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.OrderStatsReader;
import dev.hexcore.domain.recommendation.RecommendationStore;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recommendations (seed 000): the cache and the generation locks in Redis when it is configured (shared by every
 * replica), in memory otherwise (embedded defaults, one replica), and the service behind the routes and the batch.
 */
public class RecommendationWiring {
    @Produces
    @Singleton
    RecommendationStore recommendationStore(RedisSettings redis, Instance<RedisDataSource> client, Clock clock) {
        return redis.configured() ? new RedisRecommendationStore(client.get()) : new InMemoryRecommendationStore(clock);
    }

    @Produces
    @Singleton
    GenerationLocks generationLocks(RedisSettings redis, Instance<RedisDataSource> client, Clock clock) {
        return redis.configured() ? new RedisGenerationLocks(client.get()) : new InMemoryGenerationLocks(clock);
    }

    @Produces
    @Singleton
    @Typed({RecommendationsUseCase.class, RegenerateRecommendationsUseCase.class})
    RecommendationService recommendations(
            ShopRepository shops, OrderStatsReader orders, RecommendationStore store, GenerationLocks locks,
            ModelGateway gateway, AdviceReader advice, ModelSettings models, Clock clock,
            @ConfigProperty(name = "hexcore.recommendations.timeout", defaultValue = "PT30S") Duration timeout,
            @ConfigProperty(name = "hexcore.recommendations.ttl", defaultValue = "PT24H") Duration ttl,
            @ConfigProperty(name = "hexcore.recommendations.cooldown", defaultValue = "PT10M") Duration cooldown,
            @ConfigProperty(name = "hexcore.recommendations.batch.min-age", defaultValue = "PT20H") Duration batchMinAge,
            @ConfigProperty(name = "hexcore.recommendations.batch.pause", defaultValue = "PT4S") Duration batchPause,
            @ConfigProperty(name = "hexcore.recommendations.language", defaultValue = "русский") String language) {
        return new RecommendationService(new RecommendationAccess(shops), orders, store, locks, gateway, advice,
                new RecommendationSettings(models.chain("recommendations"), timeout, ttl, cooldown, batchMinAge, batchPause,
                        language),
                clock, Sleeper.system());
    }
}
