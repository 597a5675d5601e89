package dev.hexcore.adapters.persistence.recommendation;

import dev.hexcore.domain.recommendation.GenerationLocks;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GenerationLocks} in Redis, shared by every replica: a lock is {@code hexcore:lock:<name>} set with
 * {@code NX PX} to a token of its holder, deleted only by that holder (a compare-and-delete script), and expiring with
 * its lease if the holder dies. While Redis does not answer, every call fails with {@link RedisUnavailable#CODE}: a lock
 * nobody can see would let two replicas generate at once.
 *
 * <p>Not a CDI bean: the bootstrap module produces it when Redis is configured.
 */
public final class RedisGenerationLocks implements GenerationLocks {
    static final String PREFIX = "hexcore:lock:";
    private static final String UNLOCK =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RedisGenerationLocks(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public boolean tryLock(String name, Duration lease) {
        String token = UUID.randomUUID().toString();
        boolean taken = RedisUnavailable.call(() ->
                redis.execute("SET", PREFIX + name, token, "NX", "PX", String.valueOf(lease.toMillis())) != null);
        if (taken) tokens.put(name, token);
        return taken;
    }

    @Override
    public boolean isLocked(String name) {
        return RedisUnavailable.call(() -> redis.key(String.class).exists(PREFIX + name));
    }

    @Override
    public void unlock(String name) {
        String token = tokens.remove(name);
        if (token != null) RedisUnavailable.run(() -> redis.execute("EVAL", UNLOCK, "1", PREFIX + name, token));
    }
}
