package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.persistence.quota.InMemoryRateLimiter;
import dev.hexcore.adapters.persistence.quota.LeasingRateLimiter;
import dev.hexcore.adapters.persistence.quota.RedisRateLimiter;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate-limiter contract for the Redis limiter, on the suite's (embedded or CI) Redis and its server clock; plus
 * what only a shared limiter promises (replicas never exceed the limit together) and its fallback when Redis is gone.
 */
@QuarkusTest
class RedisRateLimiterContractTest extends RateLimiterContract {
    private static final String FALLBACKS = "hexcore.ratelimit.redis.fallbacks";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Vertx vertx;

    private SimpleMeterRegistry meters;
    private RedisRateLimiter limiter;

    @BeforeEach
    void newLimiter() {
        meters = new SimpleMeterRegistry();
        limiter = new RedisRateLimiter(redis, new InMemoryRateLimiter(Clock.systemUTC()), meters);
    }

    /** Had Redis failed or been slow, the contract would have run against the in-memory fallback instead. */
    @AfterEach
    void redisDecidedEverything() {
        assertThat(fallbacks(meters)).as("checks decided in memory instead of Redis").isZero();
    }

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void pass(Duration duration) {
        try {
            Thread.sleep(duration.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void twoReplicasSharingRedisNeverAllowMoreThanTheLimitTogether() throws Exception {
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        RedisRateLimiter replicaA = new RedisRateLimiter(redis, new InMemoryRateLimiter(Clock.systemUTC()), metersA);
        RedisRateLimiter replicaB = new RedisRateLimiter(redis, new InMemoryRateLimiter(Clock.systemUTC()), metersB);
        RateLimitPolicy policy = policy(20, Duration.ofHours(1));
        String subject = subject();

        // 2 × 50 acquires in flight at once, as when 100 requests for one key reach two replicas together: every one
        // is sent before any answer is awaited
        List<CompletableFuture<RateLimitDecision>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(replicaA.acquire(subject, policy).toCompletableFuture());
            calls.add(replicaB.acquire(subject, policy).toCompletableFuture());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        long allowed = calls.stream().map(CompletableFuture::join).filter(RateLimitDecision::allowed).count();
        double inMemory = fallbacks(metersA) + fallbacks(metersB);
        assertThat(allowed).as("allowed in total; %s of the 100 checks were decided in memory, not by Redis", inMemory)
                .isEqualTo(20);
        assertThat(inMemory).as("checks decided in memory instead of Redis").isZero();
    }

    @Test
    void twoReplicasFromManyThreadsNeverAllowMoreThanTheLimitTogether() throws Exception {
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        RedisRateLimiter replicaB = new RedisRateLimiter(redis, new InMemoryRateLimiter(Clock.systemUTC()), otherMeters);
        RateLimitPolicy policy = policy(20, Duration.ofHours(1));
        String subject = subject();

        // 2 × 50 acquires from 16 threads that start together and wait for each answer (like worker threads would)
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                RedisRateLimiter replica = i % 2 == 0 ? limiter : replicaB;
                results.add(pool.submit(() -> {
                    start.await();
                    return replica.acquire(subject, policy).toCompletableFuture().get(5, TimeUnit.SECONDS).allowed();
                }));
            }
            start.countDown();
            long allowed = 0;
            for (var result : results) {
                if (result.get(10, TimeUnit.SECONDS)) allowed++;
            }
            assertThat(allowed).isEqualTo(20);
            assertThat(fallbacks(meters) + fallbacks(otherMeters)).as("checks decided in memory instead of Redis").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoLeasingReplicasSharingRedisNeverAllowMoreThanTheLimitTogether() throws Exception {
        // 600 per 6 s: 100 per second, leased 10 at a time; a burst of 600 is available at once
        RateLimitPolicy policy = policy(600, Duration.ofSeconds(6));
        String subject = subject();
        LeasingRateLimiter replicaA = new LeasingRateLimiter(limiter, Clock.systemUTC());
        LeasingRateLimiter replicaB = new LeasingRateLimiter(
                new RedisRateLimiter(redis, new InMemoryRateLimiter(Clock.systemUTC()), meters), Clock.systemUTC());

        long started = System.nanoTime();
        List<CompletableFuture<RateLimitDecision>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(replicaA.acquire(subject, policy).toCompletableFuture());
            calls.add(replicaB.acquire(subject, policy).toCompletableFuture());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;

        long allowed = calls.stream().map(CompletableFuture::join).filter(RateLimitDecision::allowed).count();
        // GCRA lets the budget grow by 100 per second while the test runs; leasing must not add to that
        assertThat(allowed).isLessThanOrEqualTo(600 + (long) Math.ceil(seconds * 100));
        assertThat(allowed).as("at most one lease per replica is left unused").isGreaterThanOrEqualTo(600 - 2 * 10);
    }

    @Test
    void whenRedisIsUnreachableItDecidesInMemoryAndNeverFails() throws Exception {
        Redis unreachable = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            SimpleMeterRegistry downMeters = new SimpleMeterRegistry();
            RedisRateLimiter down = new RedisRateLimiter(new ReactiveRedisDataSourceImpl(vertx, unreachable,
                    RedisAPI.api(unreachable)), new InMemoryRateLimiter(Clock.systemUTC()), downMeters);
            RateLimitPolicy policy = policy(3, Duration.ofMinutes(1));
            String subject = subject();

            long started = System.nanoTime();
            assertThat(down.peek(subject, policy).toCompletableFuture().get(2, TimeUnit.SECONDS).allowed()).isTrue();
            for (int i = 1; i <= 3; i++) {
                RateLimitDecision decision = down.acquire(subject, policy).toCompletableFuture().get(2, TimeUnit.SECONDS);
                assertThat(decision.allowed()).as("request %d", i).isTrue();
                assertThat(decision.remaining()).isEqualTo(3 - i);
            }
            RateLimitDecision refused = down.acquire(subject, policy).toCompletableFuture().get(2, TimeUnit.SECONDS);
            assertThat(refused.allowed()).as("the fallback still limits").isFalse();
            assertThat(refused.retryAfter()).isPositive();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(fallbacks(downMeters)).isEqualTo(5);
        } finally {
            unreachable.close();
        }
    }

    private static double fallbacks(SimpleMeterRegistry registry) {
        Counter counter = registry.find(FALLBACKS).counter();
        return counter == null ? 0 : counter.count();
    }
}
