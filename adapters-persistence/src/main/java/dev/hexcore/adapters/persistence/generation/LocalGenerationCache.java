package dev.hexcore.adapters.persistence.generation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A bounded copy, in this process, of the response cache shared by every replica ({@code shared}, PostgreSQL): a hit
 * here costs no database round trip. Sound because an entry never changes under its key (the key hashes the provider,
 * model and normalised request), so a copy stays valid until the entry's {@code expiresAt}, which is checked against
 * the caller's {@code now} exactly as the shared store checks it.
 *
 * <p>Filled on {@link #put} and on a hit in the shared store. A put fills the copy first and hands the shared write to
 * {@code sharedWrites} (in production a background thread: the answer does not wait for PostgreSQL), so an identical
 * request of this process finds the answer even while that write runs or if it fails; other replicas see it once the
 * write has landed, and until then may call the model for it once more (the upsert makes that harmless). Bounded by the approximate bytes its entries
 * hold ({@code maxBytes}, least recently and frequently used entries go first, Caffeine's W-TinyLFU) and by each
 * entry's expiry on the wall clock, so expired copies do not hold memory. {@link #getLocal} never asks the shared
 * store: the gateway's single-flight re-check. Errors of a shared read propagate (the gateway treats them as a
 * miss); errors of a shared write are {@code sharedWrites}' to handle (logged); what this tier holds is unaffected.
 */
public final class LocalGenerationCache implements GenerationCache {
    /** What an entry costs besides its strings: the map node, the records, the instants. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;
    /** Longer than any cache TTL, and far from the overflow of nanoseconds in a long. */
    private static final Duration LONGEST = Duration.ofDays(365 * 100);

    private final GenerationCache shared;
    private final Executor sharedWrites;
    private final Cache<String, Stored> local;

    /**
     * @param sharedWrites where writes to {@code shared} run: in the background (they then cost the caller nothing,
     *                     and this process already answers from its copy), or {@code Runnable::run} to wait for them
     */
    public LocalGenerationCache(GenerationCache shared, Executor sharedWrites, long maxBytes, Clock clock) {
        this.shared = shared;
        this.sharedWrites = sharedWrites;
        this.local = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Stored stored) -> weight(key, stored))
                .expireAfter(untilExpiry(clock))
                .build();
    }

    @Override
    public Optional<Stored> find(String key, Instant now) {
        Stored held = local.getIfPresent(key);
        if (held != null && now.isBefore(held.expiresAt())) return Optional.of(held);
        Optional<Stored> stored = shared.find(key, now);
        if (stored.isPresent()) {
            local.put(key, stored.get());
        } else if (held != null) {
            local.asMap().remove(key, held);
        }
        return stored;
    }

    @Override
    public Optional<CachedGeneration> getLocal(String key, Instant now) {
        Stored held = local.getIfPresent(key);
        return held != null && now.isBefore(held.expiresAt()) ? Optional.of(held.entry()) : Optional.empty();
    }

    @Override
    public void put(String key, CachedGeneration entry, Instant expiresAt) {
        local.put(key, new Stored(entry, expiresAt));
        sharedWrites.execute(() -> shared.put(key, entry, expiresAt));
    }

    /** Entries held now (after pending evictions), for tests. */
    long size() {
        local.cleanUp();
        return local.estimatedSize();
    }

    /** Roughly the bytes an entry holds: its strings (two bytes a char at most) and a fixed overhead. */
    static int weight(String key, Stored stored) {
        CachedGeneration entry = stored.entry();
        long chars = (long) key.length() + entry.text().length() + entry.provider().length() + entry.model().length();
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + ENTRY_OVERHEAD_BYTES);
    }

    /** Each copy is dropped when its entry expires by {@code clock}; entries already expired go at once. */
    private static Expiry<String, Stored> untilExpiry(Clock clock) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String key, Stored stored, long currentTime) {
                Duration left = Duration.between(clock.instant(), stored.expiresAt());
                if (left.isNegative()) return 0;
                return left.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : left.toNanos();
            }

            @Override
            public long expireAfterUpdate(String key, Stored stored, long currentTime, long currentDuration) {
                return expireAfterCreate(key, stored, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Stored stored, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
