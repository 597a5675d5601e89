package dev.hexcore.adapters.persistence.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.Optional;

/**
 * The recommendation cache in Redis, shared by every replica: the JSON of the {@link Recommendation} under the seed's
 * key ({@code recommendations:user:<tgid>}, with {@code :shop:<id>} for a shop's view) with its time to live.
 *
 * <p>The entries live nowhere else, so while Redis does not answer a read or a write fails with
 * {@link RedisUnavailable#CODE} (a 503 with {@code Retry-After}, ADR 0030) instead of an unexpected error.
 *
 * <p>Not a CDI bean: the bootstrap module produces it when Redis is configured.
 */
public final class RedisRecommendationStore implements RecommendationStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ValueCommands<String, String> values;

    public RedisRecommendationStore(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    @Override
    public Optional<Recommendation> find(String key) {
        String json = RedisUnavailable.call(() -> values.get(key));
        if (json == null) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(json, Recommendation.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();   // an entry of another shape (an older release): as if there were none
        }
    }

    @Override
    public void save(String key, Recommendation recommendation, Duration ttl) {
        try {
            String json = JSON.writeValueAsString(recommendation);
            RedisUnavailable.run(() -> values.set(key, json, new SetArgs().px(ttl)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recommendation could not be written as JSON", e);
        }
    }
}
