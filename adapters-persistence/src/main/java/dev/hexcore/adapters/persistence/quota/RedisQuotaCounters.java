package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.QuotaCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link QuotaCounters} shared by every replica: one Lua script ({@code quota-counters.lua}, run by {@code EVALSHA}
 * with an {@code EVAL} fallback) checks every window and counts the request in all of them, or in none, atomically.
 * Window {@code w} lives in {@code hexcore:mq:c:<w.counter()>}: for a fixed window a number, and as the counter's name
 * holds the window's start, a window resets exactly at its boundary without any clean-up, the key expiring
 * {@link #FORGET_AFTER} after the window ends; for a sliding window a sorted set with one member per unit scored by the
 * microsecond (of the caller's {@code now}) it was counted at, whose members are removed a window's length after they
 * left the window and which expires {@link #FORGET_AFTER} after that once nothing is added.
 *
 * <p>Blocking: call it from a worker thread (on an event-loop thread the wait is refused and the call is answered from
 * memory). Never fails because of Redis: when Redis errs or does not answer within 1 s, the in-memory
 * {@code fallback} answers (quotas then count per replica; {@link #add} does not wait, see there), counted in {@code hexcore.modelquota.redis.fallbacks}
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
    private final LuaScript script = LuaScript.load("quota-windows.lua", "quota-counters.lua");

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
            for (int i = 0; i + 1 < refused.size(); i += 2) {
                Window window = windows.get(refused.get(i).toInteger() - 1);
                Instant recovery = window.isSliding() ? QuotaCounters.instantOfMicros(refused.get(i + 1).toLong())
                        : window.resetsAt();
                until = until == null || recovery.isAfter(until) ? recovery : until;
            }
            return Optional.ofNullable(until);
        }, () -> fallback.tryAcquire(windows, now));
    }

    /**
     * Sent from a worker thread without waiting for the reply (tokens after a call are best-effort bookkeeping, and
     * the call's answer must not wait for them, nor for handing the command to the client): the count lands in Redis
     * about one round trip later, and on a failure or after
     * {@link RedisFallback#TIMEOUT} it is added to the fallback instead.
     */
    @Override
    public void add(Window window, long amount, Instant now) {
        if (amount <= 0) return;
        Runnable inMemory = () -> fallback.add(window, amount, now);
        try {
            Uni.createFrom().deferred(() -> send("add", List.of(window), List.of(amount), now))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .ifNoItem().after(RedisFallback.TIMEOUT).fail()
                    .subscribe().with(reply -> { }, failure -> onFailure.fellBack(failure, inMemory));
        } catch (RuntimeException failure) {
            onFailure.fellBack(failure, inMemory);
        }
    }

    @Override
    public Map<String, Long> usage(List<Window> windows, Instant now) {
        if (windows.isEmpty()) return Map.of();
        return onFailure.call(() -> {
            Response used = run("usage", windows, windows.stream().map(w -> 0L).toList(), now);
            Map<String, Long> usage = new LinkedHashMap<>();
            for (int i = 0; i < windows.size(); i++) usage.put(windows.get(i).counter(), used.get(i).toLong());
            return usage;
        }, () -> fallback.usage(windows, now));
    }

    private Response run(String mode, List<Window> windows, List<Long> costs, Instant now) {
        return send(mode, windows, costs, now).await().atMost(RedisFallback.TIMEOUT);
    }

    private Uni<Response> send(String mode, List<Window> windows, List<Long> costs, Instant now) {
        long micros = QuotaCounters.micros(now);
        List<String> keys = new ArrayList<>(windows.size());
        List<String> args = new ArrayList<>(3 + WindowArguments.PER_WINDOW * windows.size());
        args.add(mode);
        args.add(String.valueOf(micros));
        args.add(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        for (int i = 0; i < windows.size(); i++) {
            keys.add(KEY_PREFIX + windows.get(i).counter());
            WindowArguments.add(args, windows.get(i), costs.get(i), now);
        }
        return script.run(redis, keys, args);
    }
}
