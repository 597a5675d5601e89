package dev.hexcore.adapters.persistence.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalGenerationCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The shared store: a map that counts its reads and can be made to fail. */
    private static final class SharedStore implements GenerationCache {
        final Map<String, Stored> entries = new HashMap<>();
        int reads;
        boolean down;

        @Override
        public Optional<Stored> find(String key, Instant now) {
            reads++;
            if (down) throw new IllegalStateException("database down");
            Stored stored = entries.get(key);
            return stored == null || !now.isBefore(stored.expiresAt()) ? Optional.empty() : Optional.of(stored);
        }

        @Override
        public void put(String key, CachedGeneration entry, Instant expiresAt) {
            if (down) throw new IllegalStateException("database down");
            entries.put(key, new Stored(entry, expiresAt));
        }
    }

    private final SharedStore shared = new SharedStore();
    private final LocalGenerationCache cache = new LocalGenerationCache(shared, Runnable::run, 1 << 20, CLOCK);

    private static CachedGeneration answer(String text) {
        return new CachedGeneration("gemini", "gemini-2.5-flash", text, TokenUsage.NONE, NOW);
    }

    @Test
    void aStoredAnswerIsWrittenThroughAndThenReadWithoutTheSharedStore() {
        cache.put("k", answer("hello"), NOW.plusSeconds(60));

        assertThat(shared.entries).containsKey("k");
        assertThat(cache.get("k", NOW)).get().extracting(CachedGeneration::text).isEqualTo("hello");
        assertThat(cache.getLocal("k", NOW)).isPresent();
        assertThat(shared.reads).isZero();
    }

    @Test
    void aHitInTheSharedStoreIsKeptUntilTheEntryExpires() {
        shared.entries.put("k", new GenerationCache.Stored(answer("from another replica"), NOW.plusSeconds(60)));
        assertThat(cache.getLocal("k", NOW)).as("not held before it was read").isEmpty();

        assertThat(cache.get("k", NOW)).isPresent();
        assertThat(cache.get("k", NOW.plusSeconds(59))).isPresent();
        assertThat(cache.getLocal("k", NOW.plusSeconds(59))).isPresent();
        assertThat(shared.reads).isEqualTo(1);
    }

    @Test
    void aCopyIsNotServedFromItsExpiryOnByTheCallersClock() {
        cache.put("k", answer("hello"), NOW.plusSeconds(60));

        assertThat(cache.getLocal("k", NOW.plusSeconds(60))).isEmpty();
        assertThat(cache.get("k", NOW.plusSeconds(60))).isEmpty();
        assertThat(shared.reads).as("an expired copy sends the read to the shared store").isEqualTo(1);
        assertThat(cache.size()).as("and is dropped when the shared store has nothing newer").isZero();
    }

    @Test
    void anEntryStoredAfterTheCopyExpiredReplacesIt() {
        cache.put("k", answer("old"), NOW.plusSeconds(60));
        shared.entries.put("k", new GenerationCache.Stored(answer("new"), NOW.plusSeconds(600)));

        assertThat(cache.get("k", NOW.plusSeconds(61))).get().extracting(CachedGeneration::text).isEqualTo("new");
        assertThat(cache.getLocal("k", NOW.plusSeconds(300))).get().extracting(CachedGeneration::text).isEqualTo("new");
    }

    @Test
    void copiesAlreadyExpiredByTheWallClockTakeNoMemory() {
        cache.put("k", answer("hello"), NOW.minusSeconds(1));

        assertThat(cache.size()).isZero();
        assertThat(shared.entries).containsKey("k");
    }

    @Test
    void theTierHoldsNoMoreThanItsSize() {
        String text = "x".repeat(10_000);
        int entryWeight = LocalGenerationCache.weight("key-000", new GenerationCache.Stored(answer(text), NOW));
        LocalGenerationCache small = new LocalGenerationCache(shared, Runnable::run, 10L * entryWeight, CLOCK);
        for (int i = 0; i < 100; i++) small.put("key-%03d".formatted(i), answer(text), NOW.plusSeconds(60));

        assertThat(small.size()).isBetween(1L, 10L);
        assertThat(shared.entries).hasSize(100);
        assertThat(small.get("key-000", NOW)).as("an evicted copy is read from the shared store again").isPresent();
    }

    @Test
    void theSharedWriteRunsWhereItIsHandedAndTheCopyAnswersBeforeItLands() {
        List<Runnable> handed = new ArrayList<>();
        LocalGenerationCache behind = new LocalGenerationCache(shared, handed::add, 1 << 20, CLOCK);
        behind.put("k", answer("hello"), NOW.plusSeconds(60));

        assertThat(shared.entries).isEmpty();
        assertThat(behind.get("k", NOW)).isPresent();
        handed.forEach(Runnable::run);
        assertThat(shared.entries).containsKey("k");
    }

    @Test
    void whenTheSharedStoreFailsTheCopyStillAnswersInThisProcess() {
        shared.down = true;

        assertThatThrownBy(() -> cache.put("k", answer("hello"), NOW.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
        assertThat(cache.getLocal("k", NOW)).isPresent();
        assertThat(cache.get("k", NOW)).isPresent();
        assertThatThrownBy(() -> cache.get("other", NOW)).isInstanceOf(IllegalStateException.class);
    }
}
