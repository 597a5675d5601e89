package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.persistence.generation.PostgresGenerationCache;
import dev.hexcore.adapters.persistence.generation.PostgresGenerationEvents;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationCacheMaintenance;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEventQuery;
import dev.hexcore.domain.generation.GenerationEventReader;
import dev.hexcore.domain.generation.GenerationEvents;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.GenerationStats;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The response cache and the generation events on the suite's PostgreSQL, through the domain ports: the PostgreSQL
 * stores themselves, and what the gateway is wired to (a copy in this process and writes behind, in front of them).
 */
@QuarkusTest
class GenerationStoreContractTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    PostgresGenerationCache cache;

    @Inject
    GenerationCacheMaintenance cacheMaintenance;

    @Inject
    PostgresGenerationEvents events;

    @Inject
    GenerationCache wiredCache;

    @Inject
    GenerationEvents wiredEvents;

    @Inject
    GenerationEventReader reader;

    private static String key() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
    }

    @Test
    void aCachedAnswerReadsBackUntilItExpires() {
        String key = key();
        CachedGeneration entry = new CachedGeneration("gemini", "gemini-2.5-flash", "{\"a\":1}", new TokenUsage(9, 3, 12), NOW);
        cache.put(key, entry, NOW.plusSeconds(60));

        assertThat(cache.get(key, NOW)).contains(entry);
        assertThat(cache.get(key, NOW.plusSeconds(60))).isEmpty();
        assertThat(cache.get(key(), NOW)).isEmpty();
    }

    @Test
    void theGatewaysCacheAnswersAtOnceAndWritesBehindToPostgres() {
        String key = key();
        CachedGeneration entry = new CachedGeneration("gemini", "gemini-2.5-flash", "hello", TokenUsage.NONE, NOW);
        wiredCache.put(key, entry, NOW.plusSeconds(60));

        assertThat(wiredCache.getLocal(key, NOW)).contains(entry);
        assertThat(eventually(() -> cache.find(key, NOW).isPresent())).as("the entry reached PostgreSQL").isTrue();
        assertThat(cache.find(key, NOW)).contains(new GenerationCache.Stored(entry, NOW.plusSeconds(60)));
    }

    @Test
    void theGatewaysEventsReachPostgresOffTheCallersThread() {
        String operation = "wired-" + UUID.randomUUID();
        wiredEvents.record(event(operation, "m1", 5, ResultQuality.OK, false, NOW));

        assertThat(eventually(() -> reader.find(new GenerationEventQuery(operation, null, null, null, null, null, null),
                new PageRequest(1, 10)).total() == 1)).as("the event reached PostgreSQL").isTrue();
    }

    /** Polls {@code condition} for up to 5 s. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end >= 0) return false;
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void concurrentWritesOfOneKeyAreNotAnErrorAndOneWins() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = IntStream.range(0, 16).<Future<?>>mapToObj(i -> pool.submit(() -> cache.put(key,
                    new CachedGeneration("offline", "offline", "answer " + i, TokenUsage.NONE, NOW), NOW.plusSeconds(60))))
                    .toList();
            for (Future<?> write : writes) write.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.get(key, NOW)).get().extracting(CachedGeneration::text).asString().startsWith("answer ");
    }

    @Test
    void expiredEntriesArePurged() {
        Instant longAgo = Instant.parse("1991-01-01T00:00:00Z");
        String stale = key();
        String fresh = key();
        cache.put(stale, new CachedGeneration("offline", "offline", "old", TokenUsage.NONE, longAgo), longAgo.plusSeconds(1));
        cache.put(fresh, new CachedGeneration("offline", "offline", "new", TokenUsage.NONE, longAgo), longAgo.plusSeconds(3600));

        assertThat(cacheMaintenance.purgeExpired(longAgo.plusSeconds(2), 1000)).isEqualTo(1);
        assertThat(cache.get(fresh, longAgo.plusSeconds(2))).isPresent();
    }

    private static GenerationEvent event(String operation, String model, long latencyMs, ResultQuality quality, boolean hit,
                                         Instant at) {
        return new GenerationEvent(operation, GenerationKind.STRUCTURED, "gemini", model, hit ? null : "gemini-key-1",
                Duration.ofMillis(latencyMs), hit ? Duration.ZERO : Duration.ofMillis(latencyMs - 1), hit ? 0 : 1, 0, GenerationMode.BALANCED, quality,
                quality == null ? List.of("OVERLOADED", "MODEL_UNAVAILABLE") : List.of(), new TokenUsage(10, 5, 15), hit, at);
    }

    @Test
    void eventsAreListedNewestFirstAndFiltered() {
        String operation = "lesson-" + UUID.randomUUID();
        GenerationEvent older = event(operation, "m1", 100, ResultQuality.OK, false, NOW.minusSeconds(10));
        GenerationEvent failed = event(operation, "m1", 300, null, false, NOW.minusSeconds(5));
        GenerationEvent newest = event(operation, "m2", 5, ResultQuality.OK, true, NOW);
        List.of(older, failed, newest).forEach(events::record);

        var all = reader.find(new GenerationEventQuery(operation, null, null, null, null, null, null), new PageRequest(1, 20));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).containsExactly(newest, failed, older);

        assertThat(reader.find(new GenerationEventQuery(operation, null, null, null, null, true, null), new PageRequest(1, 20))
                .items()).containsExactly(failed);
        assertThat(reader.find(new GenerationEventQuery(operation, "gemini", "m2", null, null, null, true), new PageRequest(1, 20))
                .items()).containsExactly(newest);
        assertThat(reader.find(new GenerationEventQuery(operation, null, null, NOW.minusSeconds(6), NOW, null, null),
                new PageRequest(1, 20)).items()).containsExactly(failed);
        assertThat(reader.find(new GenerationEventQuery(operation, null, null, null, null, null, null), new PageRequest(2, 2))
                .items()).containsExactly(older);
    }

    @Test
    void statsPerOperationAndModelHaveErrorRateLatencyPercentilesAndCacheHitRate() {
        String operation = "course-" + UUID.randomUUID();
        for (int i = 1; i <= 20; i++) {
            events.record(event(operation, "m1", i * 10L, i % 5 == 0 ? null : ResultQuality.OK, i % 4 == 0,
                    NOW.minus(Duration.ofSeconds(i))));
        }
        events.record(event(operation, "m2", 7, ResultQuality.OK, false, NOW));

        List<GenerationStats> stats = reader.stats(new GenerationEventQuery(operation, null, null, null, null, null, null));

        assertThat(stats).hasSize(2);
        GenerationStats m1 = stats.get(0);
        assertThat(m1.model()).isEqualTo("m1");
        assertThat(m1.count()).isEqualTo(20);
        assertThat(m1.errors()).isEqualTo(4);
        assertThat(m1.errorRate()).isEqualTo(0.2);
        assertThat(m1.p50LatencyMs()).isEqualTo(105.0);
        assertThat(m1.p95LatencyMs()).isEqualTo(190.5);
        assertThat(m1.cacheHits()).isEqualTo(5);
        assertThat(m1.cacheHitRate()).isEqualTo(0.25);
        assertThat(stats.get(1).count()).isEqualTo(1);
    }
}
