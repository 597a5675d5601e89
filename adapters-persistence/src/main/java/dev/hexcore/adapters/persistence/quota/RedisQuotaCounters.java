package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.generation.QuotaCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link QuotaCounters} shared by every replica: one Lua script ({@code quota-counters.lua}, run by {@code EVALSHA}
 * with an {@code EVAL} fallback) checks every window and counts the request in all of them, or in none, atomically.
 * Window {@code w} lives in {@code hexcore:mq:c:<w.counter()>}; as the counter's name holds the window's start, a
 * window resets exactly at its boundary without any clean-up, and the key expires {@link #FORGET_AFTER} after the
 * window ends.
 *
 * <p>Blocking: call it from a worker thread (on an event-loop thread the wait is refused and the call is answered from
 * memory). Never fails because of Redis: when Redis errs or does not answer within 1 s, the in-memory
 * {@code fallback} answers (quotas then count per replica), counted in {@code hexcore.modelquota.redis.fallbacks}
 * ({@code store=counters}) with a warning at most every 10 s.
 *
 * <p>Not a CDI bean: the bootstrap module produces the counters it selects.
 */
public final class RedisQuotaCounters implements QuotaCounters {
    static final String KEY_PREFIX = "hexcore:mq:c:";
    static final Duration FORGET_AFTER = InMemoryQuotaCounters.FORGET_AFTER;

    private final ReactiveRedisDataSource redis;
    private final QuotaCounters fallback;
    private final RedisFallback onFailure;
    private final LuaScript script = LuaScript.load("quota-counters.lua");

    public RedisQuotaCounters(ReactiveRedisDataSource redis, QuotaCounters fallback, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.onFailure = new RedisFallback("counters", meters);
    }

    @Override
    public Optional<Instant> tryAcquire(List<Window> windows, Instant now) {
        if (windows.isEmpty()) return Optional.empty();
        return onFailure.call(() -> {
            Response refused = run("acquire", windows, windows.stream().map(Window::cost).toList(), now);
            Instant until = null;
            for (int i = 0; i < refused.size(); i++) {
                Instant resetsAt = windows.get(refused.get(i).toInteger() - 1).resetsAt();
                until = until == null || resetsAt.isAfter(until) ? resetsAt : until;
            }
            return Optional.ofNullable(until);
        }, () -> fallback.tryAcquire(windows, now));
    }

    @Override
    public void add(Window window, long amount, Instant now) {
        if (amount <= 0) return;
        onFailure.run(() -> run("add", List.of(window), List.of(amount), now), () -> fallback.add(window, amount, now));
    }

    @Override
    public Map<String, Long> usage(List<String> counters) {
        if (counters.isEmpty()) return Map.of();
        return onFailure.call(() -> {
            Map<String, String> stored = redis.value(String.class)
                    .mget(counters.stream().map(c -> KEY_PREFIX + c).toArray(String[]::new))
                    .await().atMost(RedisFallback.TIMEOUT);
            Map<String, Long> usage = new LinkedHashMap<>();
            for (String counter : counters) {
                String value = stored.get(KEY_PREFIX + counter);
                usage.put(counter, value == null ? 0 : Long.parseLong(value));
            }
            return usage;
        }, () -> fallback.usage(counters));
    }

    private Response run(String mode, List<Window> windows, List<Long> costs, Instant now) {
        List<String> keys = new ArrayList<>(windows.size());
        List<String> args = new ArrayList<>(1 + 3 * windows.size());
        args.add(mode);
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            keys.add(KEY_PREFIX + window.counter());
            long ttl = Math.max(1, Duration.between(now, window.resetsAt()).plus(FORGET_AFTER).toMillis());
            args.add(String.valueOf(window.limit()));
            args.add(String.valueOf(costs.get(i)));
            args.add(String.valueOf(ttl));
        }
        return script.run(redis, keys, args).await().atMost(RedisFallback.TIMEOUT);
    }
}
