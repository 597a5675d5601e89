package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.Optional;

/** The response cache ({@code llm_cache_entries}), keyed by a SHA-256 of the provider, model and normalised request. */
public interface GenerationCache {
    /** The entry under {@code key} unless it has expired at {@code now}. */
    Optional<CachedGeneration> get(String key, Instant now);

    /**
     * Stores (or replaces) the entry until {@code expiresAt}. Another replica storing the same key at the same time is
     * not an error: one of the two entries wins.
     */
    void put(String key, CachedGeneration entry, Instant expiresAt);
}
