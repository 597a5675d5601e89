package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.QuotaCounters;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link KeyAdmission} in one Redis round trip: one Lua script ({@code key-admission.lua} after
 * {@code quota-windows.lua}) reads the disabled keys ({@link RedisKeyStates#DISABLED}) and each scope's cooldown
 * ({@link RedisKeyStates#COOLDOWN_PREFIX}) and checks and counts the windows ({@link RedisQuotaCounters#KEY_PREFIX})
 * exactly as {@link RedisKeyStates} and {@link RedisQuotaCounters} store them, so the three share one state. The whole
 * acquire is one atomic step: no other replica's acquire, cooldown or count can interleave.
 *
 * <p>{@link #admit} blocks, like {@link RedisQuotaCounters}; {@link #start} sends the script and returns, and its
 * decision waits for the reply. Never fails because of Redis: the in-memory {@code fallback} answers instead
 * ({@code hexcore.modelquota.redis.fallbacks}, {@code store=key-admission}). A granted request is given back with
 * {@code key-admission-give-back.lua}, which removes exactly the members the grant added (their names hold its time,
 * a token of its own and the candidate) and decrements its fixed counters.
 *
 * <p>Not a CDI bean: the bootstrap module produces the admission it selects.
 */
public final class RedisKeyAdmission implements KeyAdmission {
    private final ReactiveRedisDataSource redis;
    private final KeyAdmission fallback;
    private final RedisFallback onFailure;
    private final LuaScript script = LuaScript.load("quota-windows.lua", "key-admission.lua");
    private final LuaScript giveBackScript = LuaScript.load("key-admission-give-back.lua");

    public RedisKeyAdmission(ReactiveRedisDataSource redis, KeyAdmission fallback, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.onFailure = new RedisFallback("key-admission", meters);
    }

    @Override
    public Decision admit(List<Candidate> candidates, int turn, Instant now) {
        if (candidates.isEmpty()) return new Decision(-1, 0, null);
        return start(candidates, turn, now).decision();
    }

    /**
     * Sends the script and returns at once; {@link Admitting#decision} waits for the reply (at most
     * {@link RedisFallback#TIMEOUT}, then the fallback answers). A give-back of a request Redis granted runs
     * {@code key-admission-give-back.lua} without waiting, as soon as the grant is known; one the fallback granted is
     * given back there. If the reply never came (failure, timeout), nothing is given back in Redis: a script that ran
     * late stays counted (over, never under).
     */
    @Override
    public Admitting start(List<Candidate> candidates, int turn, Instant now) {
        if (candidates.isEmpty()) return KeyAdmission.super.start(candidates, turn, now);
        String micros = String.valueOf(QuotaCounters.micros(now));
        String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
        CompletableFuture<Response> reply;
        try {
            reply = send(candidates, turn, now, micros, token).subscribeAsCompletionStage();
        } catch (RuntimeException failure) {
            reply = CompletableFuture.failedFuture(failure);
        }
        return new Pending(candidates, turn, now, micros + ":" + token, reply);
    }

    private final class Pending implements Admitting {
        private final List<Candidate> candidates;
        private final int turn;
        private final Instant now;
        private final String grantPrefix;
        private final CompletableFuture<Response> reply;
        private Decision decision;
        private Admitting answeredByFallback;
        private boolean givenBack;

        Pending(List<Candidate> candidates, int turn, Instant now, String grantPrefix, CompletableFuture<Response> reply) {
            this.candidates = candidates;
            this.turn = turn;
            this.now = now;
            this.grantPrefix = grantPrefix;
            this.reply = reply;
        }

        @Override
        public Decision decision() {
            if (decision == null) {
                decision = onFailure.call(() -> decisionOf(await()), () -> {
                    answeredByFallback = fallback.start(candidates, turn, now);
                    return answeredByFallback.decision();
                });
            }
            return decision;
        }

        @Override
        public void giveBack() {
            if (givenBack) return;
            givenBack = true;
            if (answeredByFallback != null) {
                answeredByFallback.giveBack();
            } else if (decision != null) {
                if (decision.isGranted()) sendGiveBack(decision.granted());
            } else {
                // not waited for: give back as soon as Redis tells what it granted (a failed reply granted nothing here)
                reply.thenAccept(response -> {
                    Decision granted = decisionOf(response);
                    if (granted.isGranted()) sendGiveBack(granted.granted());
                });
            }
        }

        private Response await() {
            try {
                return reply.get(RedisFallback.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Redis did not answer within " + RedisFallback.TIMEOUT, e);
            }
        }

        private void sendGiveBack(int granted) {
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            args.add(grantPrefix + ":" + (granted + 1));
            for (Window window : candidates.get(granted).windows()) {
                keys.add(RedisQuotaCounters.KEY_PREFIX + window.counter());
                args.add(String.valueOf(window.cost()));
                args.add(window.isSliding() ? "1" : "0");
            }
            // on a failure the request stays counted in Redis: over, never under
            Runnable keepCounted = () -> { };
            try {
                giveBackScript.run(redis, keys, args).subscribe()
                        .with(done -> { }, failure -> onFailure.fellBack(failure, keepCounted));
            } catch (RuntimeException failure) {
                onFailure.fellBack(failure, keepCounted);
            }
        }
    }

    private static Decision decisionOf(Response reply) {
        long recovery = reply.get(2).toLong();
        return new Decision(reply.get(0).toInteger(), reply.get(1).toInteger(),
                recovery < 0 ? null : QuotaCounters.instantOfMicros(recovery));
    }

    private Uni<Response> send(List<Candidate> candidates, int turn, Instant now, String micros, String token) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(RedisKeyStates.DISABLED);
        args.add(micros);
        args.add(token);
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
        return script.run(redis, keys, args);
    }
}
