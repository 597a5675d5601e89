package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.ai.gemini.GeminiProvider;
import dev.hexcore.adapters.ai.openai.OpenAiCompatibleProvider;
import dev.hexcore.adapters.ai.openai.StructuredOutput;
import dev.hexcore.adapters.ai.support.ResiliencePolicy;
import dev.hexcore.adapters.persistence.generation.BackgroundGenerationEvents;
import dev.hexcore.adapters.persistence.generation.LocalGenerationCache;
import dev.hexcore.adapters.persistence.generation.PostgresGenerationCache;
import dev.hexcore.adapters.persistence.generation.PostgresGenerationEvents;
import dev.hexcore.adapters.persistence.quota.InMemoryKeyStates;
import dev.hexcore.adapters.persistence.quota.InMemoryQuotaCounters;
import dev.hexcore.adapters.persistence.quota.RedisKeyAdmission;
import dev.hexcore.adapters.persistence.quota.RedisKeyStates;
import dev.hexcore.adapters.persistence.quota.RedisQuotaCounters;
import dev.hexcore.adapters.persistence.quota.StepwiseKeyAdmission;
import dev.hexcore.adapters.persistence.shared.WriteBehind;
import dev.hexcore.application.generation.GatewaySettings;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.ModelGatewayService;
import dev.hexcore.application.generation.ModelOperationsService;
import dev.hexcore.application.generation.ModelOperationsUseCase;
import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.application.roleplay.RoleplayService;
import dev.hexcore.application.roleplay.RoleplayUseCase;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationEventReader;
import dev.hexcore.domain.generation.GenerationEvents;
import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.KeyStates;
import dev.hexcore.domain.quota.ModelKeyConfig;
import dev.hexcore.domain.quota.ProviderQuotaClock;
import dev.hexcore.domain.quota.QuotaAwareKeyPool;
import dev.hexcore.domain.quota.QuotaCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The model gateway: providers (offline always; Gemini and OpenAI-compatible ones when configured), the quota-aware
 * key pool (counters in Redis when configured, else memory), and the use cases built on it.
 */
public class GenerationWiring {
    private static final Logger LOG = Logger.getLogger(GenerationWiring.class);
    /** Writes waiting at most; beyond, new ones are dropped (with a warning) rather than blocking the caller. */
    private static final int WRITE_BEHIND_CAPACITY = 10_000;

    @Produces
    @Singleton
    ModelSettings modelSettings(Config config) {
        return new ModelSettings(config);
    }

    @Produces
    @Singleton
    @Typed(ModelKeyPool.class)
    QuotaAwareKeyPool keyPool(ModelSettings settings, RedisSettings redis, Instance<ReactiveRedisDataSource> redisClient,
                              MeterRegistry meters,
                              @ConfigProperty(name = "hexcore.ai.quota-margin", defaultValue = "PT1S") Duration margin) {
        QuotaCounters counters = new InMemoryQuotaCounters();
        KeyStates states = new InMemoryKeyStates();
        KeyAdmission admission = new StepwiseKeyAdmission(states, counters);
        if (redis.configured()) {
            admission = new RedisKeyAdmission(redisClient.get(), admission, meters);
            counters = new RedisQuotaCounters(redisClient.get(), counters, meters);
            states = new RedisKeyStates(redisClient.get(), states, meters);
        }
        List<ModelKeyConfig> keys = settings.keys();
        Set<ModelRef> known = new LinkedHashSet<>(settings.chain("default"));
        known.addAll(settings.chain("roleplay"));
        known.addAll(settings.chain("image"));
        known.addAll(settings.chain("course"));
        known.addAll(settings.chain("lesson"));
        known.addAll(settings.chain("bot"));
        LOG.infof("Model gateway: %d provider key(s) configured; quota counters %s", keys.size(),
                redis.configured() ? "in Redis" : "in memory");
        return new QuotaAwareKeyPool(keys, known, admission, counters, states,
                ProviderQuotaClock.defaults().withMinuteMargin(margin));
    }

    /** The thread that writes cache entries and generation events after the call that produced them. */
    @Produces
    @Singleton
    @Named("generation-writes")
    WriteBehind generationWrites() {
        return new WriteBehind("generation", WRITE_BEHIND_CAPACITY);
    }

    void closeGenerationWrites(@Disposes @Named("generation-writes") WriteBehind writes) {
        writes.close();
    }

    /**
     * The response cache the gateway sees: a bounded copy in this process ({@code hexcore.ai.cache.local-max-size}
     * bytes) in front of PostgreSQL, written behind, so neither a repeated request nor storing an answer waits for the
     * database.
     */
    @Produces
    @Singleton
    @Typed(GenerationCache.class)
    LocalGenerationCache responseCache(PostgresGenerationCache shared, @Named("generation-writes") WriteBehind writes,
                                       Clock clock,
                                       @ConfigProperty(name = "hexcore.ai.cache.local-max-size", defaultValue = "64M")
                                       MemorySize maxSize) {
        return new LocalGenerationCache(shared, writes, maxSize.asLongValue(), clock);
    }

    /** Generation events, inserted off the caller's thread. */
    @Produces
    @Singleton
    @Typed(GenerationEvents.class)
    BackgroundGenerationEvents generationEvents(PostgresGenerationEvents events,
                                                @Named("generation-writes") WriteBehind writes) {
        return new BackgroundGenerationEvents(events, writes);
    }

    @Produces
    @Singleton
    @Typed(ModelGateway.class)
    ModelGatewayService gateway(ModelSettings settings, Instance<ModelProviderPort> beans, ModelKeyPool keys,
                         JsonSchemaValidator validator, GenerationCache cache, GenerationEvents events, Clock clock,
                         @ConfigProperty(name = "hexcore.ai.call-timeout", defaultValue = "PT30S") Duration callTimeout,
                         @ConfigProperty(name = "hexcore.ai.min-call-time", defaultValue = "PT1S") Duration minCallTime) {
        List<ModelProviderPort> providers = new ArrayList<>(beans.stream().toList());
        ResiliencePolicy policy = ResiliencePolicy.defaults();
        if (settings.keys().stream().anyMatch(k -> k.provider().equals("gemini"))) {
            providers.add(new GeminiProvider(settings.geminiBaseUrl(), policy));
        }
        for (String name : settings.openAiCompatibleProviders()) {
            StructuredOutput output = settings.structuredOutput(name)
                    .map(v -> StructuredOutput.valueOf(v.strip().toUpperCase(Locale.ROOT))).orElse(StructuredOutput.JSON_SCHEMA_STRICT);
            providers.add(new OpenAiCompatibleProvider(name, settings.baseUrl(name), output, policy));
        }
        GatewaySettings defaults = GatewaySettings.defaults();
        return new ModelGatewayService(providers, keys, validator, cache, events, clock, Sleeper.system(),
                new GatewaySettings(callTimeout, defaults.retryBackoff(), defaults.maxKeySwitches(), minCallTime,
                        settings.modes()),
                Infrastructure.getDefaultWorkerPool());
    }

    @Produces
    @Singleton
    @Typed(RoleplayUseCase.class)
    RoleplayService roleplay(ModelGateway gateway, ModelSettings settings,
                             @ConfigProperty(name = "hexcore.ai.roleplay-budget", defaultValue = "PT30S") Duration budget) {
        return new RoleplayService(gateway, settings.chain("roleplay"), budget);
    }

    @Produces
    @Singleton
    @Typed(ModelOperationsUseCase.class)
    ModelOperationsService operations(ModelKeyPool keys, GenerationEventReader events, Clock clock) {
        return new ModelOperationsService(keys, events, clock);
    }
}
