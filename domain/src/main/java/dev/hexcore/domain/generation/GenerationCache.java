package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The response cache ({@code llm_cache_entries}), keyed by a SHA-256 of the provider, model and normalised request.
 * An entry never changes under its key (the key names everything that produced it), so a copy is valid until the
 * entry's {@code expiresAt}: a tier in this process may keep one in front of the shared store.
 */
public interface GenerationCache {
    /** One stored entry and the moment it leaves the cache. */
    record Stored(CachedGeneration entry, Instant expiresAt) {
        public Stored {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The entry under {@code key} with its expiry, unless it has expired at {@code now}. */
    Optional<Stored> find(String key, Instant now);

    /**
     * Stores (or replaces) the entry until {@code expiresAt}. Another replica storing the same key at the same time is
     * not an error: one of the two entries wins.
     */
    void put(String key, CachedGeneration entry, Instant expiresAt);

    /** The entry under {@code key} unless it has expired at {@code now}. */
    default Optional<CachedGeneration> get(String key, Instant now) {
        return find(key, now).map(Stored::entry);
    }

    /**
     * Like {@link #get}, but only from what this process holds, never asking a store shared with other replicas: the
     * cheap re-check of the gateway's single flight, which must see an answer another flight of this process stored a
     * moment ago. A cache with no copy in this process answers like {@link #get}.
     */
    default Optional<CachedGeneration> getLocal(String key, Instant now) {
        return get(key, now);
    }
}
