package dev.hexcore.adapters.persistence.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recommendation cache and the generation locks in Redis, shared by every replica. An entry is the JSON of the
 * {@link Recommendation} under the seed's key ({@code recommendations:user:<tgid>}, with {@code :shop:<id>} for a
 * shop's view) with its time to live; a lock is {@code hexcore:lock:<name>} set with {@code NX PX} to a token of its
 * holder, deleted only by that holder (a compare-and-delete script), and expiring with its lease if the holder dies.
 *
 * <p>Not a CDI bean: the bootstrap module produces it when Redis is configured.
 */
public final class RedisRecommendations implements RecommendationStore, GenerationLocks {
    static final String LOCK_PREFIX = "hexcore:lock:";
    private static final String UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RedisRecommendations(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    @Override
    public Optional<Recommendation> find(String key) {
        String json = values.get(key);
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
            values.set(key, JSON.writeValueAsString(recommendation), new SetArgs().px(ttl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recommendation could not be written as JSON", e);
        }
    }

    @Override
    public boolean tryLock(String name, Duration lease) {
        String token = UUID.randomUUID().toString();
        boolean taken = redis.execute("SET", LOCK_PREFIX + name, token, "NX", "PX", String.valueOf(lease.toMillis())) != null;
        if (taken) tokens.put(name, token);
        return taken;
    }

    @Override
    public boolean isLocked(String name) {
        return redis.key(String.class).exists(LOCK_PREFIX + name);
    }

    @Override
    public void unlock(String name) {
        String token = tokens.remove(name);
        if (token != null) redis.execute("EVAL", UNLOCK, "1", LOCK_PREFIX + name, token);
    }
}
