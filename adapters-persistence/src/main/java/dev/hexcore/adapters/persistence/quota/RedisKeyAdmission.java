package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.generation.KeyAdmission;
import dev.hexcore.domain.generation.QuotaCounters;
import dev.hexcore.domain.generation.QuotaCounters.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link KeyAdmission} in one Redis round trip: one Lua script ({@code key-admission.lua} after
 * {@code quota-windows.lua}) reads the disabled keys ({@link RedisKeyStates#DISABLED}) and each scope's cooldown
 * ({@link RedisKeyStates#COOLDOWN_PREFIX}) and checks and counts the windows ({@link RedisQuotaCounters#KEY_PREFIX})
 * exactly as {@link RedisKeyStates} and {@link RedisQuotaCounters} store them, so the three share one state. The whole
 * acquire is one atomic step: no other replica's acquire, cooldown or count can interleave.
 *
 * <p>Blocking, like {@link RedisQuotaCounters}, and never fails because of Redis: the in-memory {@code fallback}
 * answers instead ({@code hexcore.modelquota.redis.fallbacks}, {@code store=key-admission}).
 *
 * <p>Not a CDI bean: the bootstrap module produces the admission it selects.
 */
public final class RedisKeyAdmission implements KeyAdmission {
    private final ReactiveRedisDataSource redis;
    private final KeyAdmission fallback;
    private final RedisFallback onFailure;
    private final LuaScript script = LuaScript.load("quota-windows.lua", "key-admission.lua");

    public RedisKeyAdmission(ReactiveRedisDataSource redis, KeyAdmission fallback, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.onFailure = new RedisFallback("key-admission", meters);
    }

    @Override
    public Decision admit(List<Candidate> candidates, int turn, Instant now) {
        if (candidates.isEmpty()) return new Decision(-1, 0, null);
        return onFailure.call(() -> {
            Response reply = run(candidates, turn, now);
            long recovery = reply.get(2).toLong();
            return new Decision(reply.get(0).toInteger(), reply.get(1).toInteger(),
                    recovery < 0 ? null : QuotaCounters.instantOfMicros(recovery));
        }, () -> fallback.admit(candidates, turn, now));
    }

    private Response run(List<Candidate> candidates, int turn, Instant now) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(RedisKeyStates.DISABLED);
        args.add(String.valueOf(QuotaCounters.micros(now)));
        args.add(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        args.add(String.valueOf(turn & Integer.MAX_VALUE));
        args.add(String.valueOf(candidates.size()));
        for (Candidate candidate : candidates) {
            keys.add(RedisKeyStates.COOLDOWN_PREFIX + candidate.scope());
            args.add(candidate.keyId());
            args.add(candidate.scope());
            args.add(String.valueOf(candidate.windows().size()));
            for (Window window : candidate.windows()) {
                keys.add(RedisQuotaCounters.KEY_PREFIX + window.counter());
                WindowArguments.add(args, window, window.cost(), now);
            }
        }
        return script.run(redis, keys, args).await().atMost(RedisFallback.TIMEOUT);
    }
}
