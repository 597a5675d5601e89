package dev.hexcore.domain.generation;

import java.time.Instant;

/** Housekeeping of the response cache: expired entries are never served, and are removed here. */
public interface GenerationCacheMaintenance {
    /** Deletes up to {@code limit} entries that expired before {@code now}; returns how many went. */
    int purgeExpired(Instant now, int limit);
}
