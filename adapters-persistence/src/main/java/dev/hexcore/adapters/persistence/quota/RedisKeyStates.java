package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.KeyStates;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link KeyStates} shared by every replica. A cooldown is {@code hexcore:mq:cool:<scope>} holding its end in epoch
 * milliseconds and expiring then (a later cooldown is never shortened: {@code cooldown.lua}); a run of strikes is
 * {@code hexcore:mq:strikes:<scope>}, incremented and given its time to live in one step ({@code strike.lua});
 * disabled keys are fields of the hash {@code hexcore:mq:disabled} (key id → reason), kept until re-enabled.
 * {@link #view} reads cooldowns and disabled keys in one round trip.
 *
 * <p>Blocking, like {@link RedisQuotaCounters}, and never fails because of Redis: the in-memory {@code fallback}
 * answers instead ({@code hexcore.modelquota.redis.fallbacks}, {@code store=key-states}). What was written to the
 * fallback while Redis was away is not copied back.
 *
 * <p>Not a CDI bean: the bootstrap module produces the states it selects.
 */
public final class RedisKeyStates implements KeyStates {
    static final String COOLDOWN_PREFIX = "hexcore:mq:cool:";
    static final String STRIKES_PREFIX = "hexcore:mq:strikes:";
    static final String DISABLED = "hexcore:mq:disabled";

    private final ReactiveRedisDataSource redis;
    private final KeyStates fallback;
    private final RedisFallback onFailure;
    private final LuaScript cooldown = LuaScript.load("cooldown.lua");
    private final LuaScript strike = LuaScript.load("strike.lua");

    public RedisKeyStates(ReactiveRedisDataSource redis, KeyStates fallback, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.onFailure = new RedisFallback("key-states", meters);
    }

    @Override
    public View view(Collection<String> scopes, Instant now) {
        return onFailure.call(() -> {
            List<String> list = List.copyOf(scopes);
            Uni<Map<String, String>> cooldowns = list.isEmpty() ? Uni.createFrom().item(Map.of())
                    : redis.value(String.class).mget(list.stream().map(s -> COOLDOWN_PREFIX + s).toArray(String[]::new));
            Uni<Map<String, String>> disabled = redis.hash(String.class).hgetall(DISABLED);
            var both = Uni.combine().all().unis(cooldowns, disabled).asTuple().await().atMost(RedisFallback.TIMEOUT);
            Map<String, Instant> running = new HashMap<>();
            for (String scope : list) {
                String until = both.getItem1().get(COOLDOWN_PREFIX + scope);
                if (until == null) continue;
                Instant end = Instant.ofEpochMilli(Long.parseLong(until));
                if (end.isAfter(now)) running.put(scope, end);
            }
            return new View(running, both.getItem2());
        }, () -> fallback.view(scopes, now));
    }

    @Override
    public void coolDown(String scope, Instant until, Instant now) {
        long ttl = Duration.between(now, until).toMillis();
        if (ttl <= 0) return;
        onFailure.run(() -> cooldown.run(redis, COOLDOWN_PREFIX + scope, String.valueOf(until.toEpochMilli()),
                        String.valueOf(ttl)).await().atMost(RedisFallback.TIMEOUT),
                () -> fallback.coolDown(scope, until, now));
    }

    @Override
    public int strike(String scope, Instant now, Duration forgetAfter) {
        return onFailure.call(() -> strike.run(redis, STRIKES_PREFIX + scope, String.valueOf(Math.max(1, forgetAfter.toMillis())))
                        .await().atMost(RedisFallback.TIMEOUT).toInteger(),
                () -> fallback.strike(scope, now, forgetAfter));
    }

    @Override
    public void disable(String keyId, String reason) {
        onFailure.run(() -> redis.hash(String.class).hset(DISABLED, keyId, reason).await().atMost(RedisFallback.TIMEOUT),
                () -> fallback.disable(keyId, reason));
    }

    @Override
    public void enable(String keyId) {
        onFailure.run(() -> redis.hash(String.class).hdel(DISABLED, keyId).await().atMost(RedisFallback.TIMEOUT),
                () -> fallback.enable(keyId));
    }
}
