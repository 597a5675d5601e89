package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores API keys by the hash of their secret. */
public interface ApiKeyRepository {
    void save(ApiKey key);

    Optional<ApiKey> findById(UUID id);

    /**
     * Lookup for authentication. Implementations may cache results (found or not) for at most one second, so that
     * verification does not reach the database on every request and a revocation is seen everywhere within 1 s.
     */
    Optional<ApiKey> findByHash(String keyHash);

    /** Newest first. */
    Page<ApiKey> list(PageRequest page);

    /** Writes last-used times collected since the previous flush, in one batch; never moves a time backwards. */
    void recordLastUsed(Map<UUID, Instant> lastUsed);
}
