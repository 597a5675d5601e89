package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.adapters.persistence.shared.Throttle;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitGrant;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@link RateLimiter} shared by every replica: the GCRA of the domain's {@code Gcra}, run as one atomic Lua script
 * ({@code gcra.lua}) on the Redis server clock. A key {@code hexcore:rl:<policy>:<subject>} holds the theoretical
 * arrival time and expires when it is reached.
 *
 * <p>Never fails because of Redis: when Redis errs or does not answer within {@link #TIMEOUT}, the call is decided by
 * the in-memory {@code fallback} (limits then count per replica), the counter {@value #FALLBACK_METRIC} is
 * incremented and a warning is logged at most every 10 s.
 *
 * <p>Not a CDI bean: the bootstrap module produces the limiter it selects.
 */
public final class RedisRateLimiter implements RateLimiter {
    static final Duration TIMEOUT = Duration.ofMillis(250);
    static final String FALLBACK_METRIC = "hexcore.ratelimit.redis.fallbacks";
    private static final String KEY_PREFIX = "hexcore:rl:";
    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);

    private final ReactiveRedisDataSource redis;
    private final RateLimiter fallback;
    private final Counter fallbacks;
    private final LuaScript script = LuaScript.load("gcra.lua");
    private final Throttle warnings = new Throttle(Duration.ofSeconds(10));

    public RedisRateLimiter(ReactiveRedisDataSource redis, RateLimiter fallback, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.fallbacks = Counter.builder(FALLBACK_METRIC)
                .description("Rate-limit checks decided in memory because Redis failed or was too slow")
                .register(meters);
    }

    @Override
    public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
        return count(subject, policy, 1).thenApply(RateLimitGrant::decision);
    }

    @Override
    public CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
        if (wanted < 1) throw new IllegalArgumentException("wanted must be at least 1");
        return count(subject, policy, wanted);
    }

    @Override
    public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
        return count(subject, policy, 0).thenApply(RateLimitGrant::decision);
    }

    /** Runs the script: {@code wanted} 0 peeks, 1 acquires, more leases up to that many. */
    private CompletionStage<RateLimitGrant> count(String subject, RateLimitPolicy policy, long wanted) {
        String key = KEY_PREFIX + policy.name() + ":" + subject;
        return Uni.createFrom().deferred(() -> script.run(redis, key, String.valueOf(policy.emissionIntervalMicros()),
                        String.valueOf(policy.limit()), String.valueOf(wanted)))
                .ifNoItem().after(TIMEOUT).fail()
                .map(reply -> grant(reply, policy))
                .onFailure().recoverWithUni(failure -> fallBack(failure, subject, policy, wanted))
                .subscribeAsCompletionStage();
    }

    private Uni<RateLimitGrant> fallBack(Throwable failure, String subject, RateLimitPolicy policy, long wanted) {
        fallbacks.increment();
        warnAtMostEvery10s(failure);
        return Uni.createFrom().completionStage(() -> wanted == 0
                ? fallback.peek(subject, policy).thenApply(decision -> new RateLimitGrant(decision, 0))
                : fallback.acquireUpTo(subject, policy, wanted));
    }

    /** Logs the failure's type only: a message could carry the key, which names the subject. */
    private void warnAtMostEvery10s(Throwable failure) {
        if (warnings.tryPass()) {
            LOG.warnf("Redis rate limiting failed (%s); deciding in memory on this replica, see metric %s",
                    failure.getClass().getSimpleName(), FALLBACK_METRIC);
        }
    }

    private static RateLimitGrant grant(Response reply, RateLimitPolicy policy) {
        boolean allowed = reply.get(0).toLong() == 1;
        return new RateLimitGrant(new RateLimitDecision(allowed, policy.limit(), reply.get(1).toLong(),
                micros(reply.get(2).toLong()), micros(reply.get(3).toLong())), reply.get(4).toLong());
    }

    private static Duration micros(long value) {
        return Duration.of(value, ChronoUnit.MICROS);
    }
}
