package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.persistence.quota.InMemoryKeyStates;
import dev.hexcore.adapters.persistence.quota.InMemoryQuotaCounters;
import dev.hexcore.adapters.persistence.quota.RedisKeyAdmission;
import dev.hexcore.adapters.persistence.quota.RedisKeyStates;
import dev.hexcore.adapters.persistence.quota.RedisQuotaCounters;
import dev.hexcore.adapters.persistence.quota.StepwiseKeyAdmission;
import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.KeyStates;
import dev.hexcore.domain.quota.QuotaCounters;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quota-counters contract for the Redis stores on the suite's Redis, each "replica" with its own adapter objects;
 * plus the fallback to memory when Redis is unreachable.
 */
@QuarkusTest
class RedisQuotaCountersContractTest extends QuotaCountersContract {
    private static final String FALLBACKS = "hexcore.modelquota.redis.fallbacks";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Vertx vertx;

    private SimpleMeterRegistry meters;
    private RedisQuotaCounters counters;
    private RedisKeyStates states;
    private RedisQuotaCounters otherCounters;
    private RedisKeyStates otherStates;
    private RedisKeyAdmission admission;
    private RedisKeyAdmission otherAdmission;

    @BeforeEach
    void newStores() {
        // the first command of the suite opens the connection, which is not what these tests measure
        redis.execute("PING").await().atMost(Duration.ofSeconds(10));
        meters = new SimpleMeterRegistry();
        counters = new RedisQuotaCounters(redis, new InMemoryQuotaCounters(), meters);
        states = new RedisKeyStates(redis, new InMemoryKeyStates(), meters);
        otherCounters = new RedisQuotaCounters(redis, new InMemoryQuotaCounters(), meters);
        otherStates = new RedisKeyStates(redis, new InMemoryKeyStates(), meters);
        admission = new RedisKeyAdmission(redis, inMemoryAdmission(), meters);
        otherAdmission = new RedisKeyAdmission(redis, inMemoryAdmission(), meters);
    }

    private static StepwiseKeyAdmission inMemoryAdmission() {
        return new StepwiseKeyAdmission(new InMemoryKeyStates(), new InMemoryQuotaCounters());
    }

    /** Had Redis failed or been slow, the contract would have run against the in-memory fallback instead. */
    @AfterEach
    void redisAnsweredEverything() {
        assertThat(fallbacks(meters)).as("calls answered from memory instead of Redis").isZero();
    }

    @Override
    protected QuotaCounters counters() {
        return counters;
    }

    @Override
    protected KeyStates keyStates() {
        return states;
    }

    @Override
    protected QuotaCounters otherReplicaCounters() {
        return otherCounters;
    }

    @Override
    protected KeyStates otherReplicaKeyStates() {
        return otherStates;
    }

    @Override
    protected KeyAdmission admission() {
        return admission;
    }

    @Override
    protected KeyAdmission otherReplicaAdmission() {
        return otherAdmission;
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
    void countersExpireAfterTheirWindow() {
        Instant now = Instant.parse("2026-11-22T10:00:10Z");
        String name = "contract-" + UUID.randomUUID();
        counters.tryAcquire(List.of(new Window(name, now.plusSeconds(50), 5, 1)), now);

        Long ttl = redis.key(String.class).pttl("hexcore:mq:c:" + name).await().indefinitely();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(50).plusMinutes(2).toMillis());
    }

    @Test
    void aSlidingWindowIsOneSortedSetWithoutWindowStartThatExpiresOnceItsUnitsAreOfNoUse() {
        Instant now = Instant.parse("2026-11-22T10:00:10Z");
        String name = "contract-" + UUID.randomUUID();
        Window window = Window.sliding(name, Duration.ofSeconds(60), 5, 1);
        counters.tryAcquire(List.of(window), now);
        counters.tryAcquire(List.of(window), now.plusSeconds(1));

        String key = "hexcore:mq:c:" + name;
        assertThat(redis.key(String.class).type(key).await().indefinitely().name()).isEqualToIgnoringCase("zset");
        assertThat(redis.sortedSet(String.class).zcard(key).await().indefinitely()).isEqualTo(2);
        Long ttl = redis.key(String.class).pttl(key).await().indefinitely();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(120).plusMinutes(2).toMillis());

        // members a window's length past the window are dropped on the next call
        counters.tryAcquire(List.of(window), now.plusSeconds(121));
        assertThat(redis.sortedSet(String.class).zcard(key).await().indefinitely()).isEqualTo(1);
    }

    @Test
    void theCountersAloneGiveNothingBackSinceTheirAcquireMayHaveBeenAnsweredByTheFallback() {
        Instant now = Instant.parse("2026-11-22T10:00:10Z");
        Window window = new Window("contract-" + UUID.randomUUID(), now.plusSeconds(50), 5, 1);
        counters.tryAcquire(List.of(window), now);

        counters.giveBack(List.of(window), now);

        assertThat(counters.usage(List.of(window), now)).containsEntry(window.counter(), 1L);
    }

    @Test
    void whenRedisIsUnreachableItAnswersFromMemoryAndNeverFails() {
        Redis unreachable = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            SimpleMeterRegistry downMeters = new SimpleMeterRegistry();
            ReactiveRedisDataSource down = new ReactiveRedisDataSourceImpl(vertx, unreachable, RedisAPI.api(unreachable));
            RedisQuotaCounters downCounters = new RedisQuotaCounters(down, new InMemoryQuotaCounters(), downMeters);
            RedisKeyStates downStates = new RedisKeyStates(down, new InMemoryKeyStates(), downMeters);
            Instant now = Instant.parse("2026-11-22T10:00:10Z");
            Window window = new Window("contract-" + UUID.randomUUID(), now.plusSeconds(50), 2, 1);

            assertThat(downCounters.tryAcquire(List.of(window), now)).isEmpty();
            assertThat(downCounters.tryAcquire(List.of(window), now)).isEmpty();
            assertThat(downCounters.tryAcquire(List.of(window), now)).as("the fallback still limits").isPresent();
            assertThat(downCounters.usage(List.of(window), now)).containsEntry(window.counter(), 2L);
            downStates.coolDown("scope", now.plusSeconds(5), now);
            assertThat(downStates.view(List.of("scope"), now).cooldowns()).containsKey("scope");
            RedisKeyAdmission downAdmission = new RedisKeyAdmission(down, inMemoryAdmission(), downMeters);
            assertThat(downAdmission.admit(List.of(new KeyAdmission.Candidate("a", "scope", List.of(window))), 0, now))
                    .isEqualTo(new KeyAdmission.Decision(0, 1, null));
            assertThat(fallbacks(downMeters)).isEqualTo(7);
        } finally {
            unreachable.close();
        }
    }

    private static double fallbacks(SimpleMeterRegistry registry) {
        return registry.find(FALLBACKS).counters().stream().mapToDouble(Counter::count).sum();
    }
}
