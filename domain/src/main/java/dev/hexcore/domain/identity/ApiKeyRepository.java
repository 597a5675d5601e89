package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Stores API keys by the hash of their secret. */
public interface ApiKeyRepository {
    void save(ApiKey key);

    Optional<ApiKey> findById(UUID id);

    /**
     * Lookup for authentication. Implementations may cache results (found or not) for at most one second, so that
     * verification does not reach the database on every request and a revocation is seen everywhere within 1 s.
     */
    Optional<ApiKey> findByHash(String keyHash);

    /**
     * {@link #findByHash} for callers on an I/O thread: completes at once when the answer is in memory, otherwise
     * when the lookup, run elsewhere, is done. The default simply answers synchronously (fine for in-memory stores).
     */
    default CompletionStage<Optional<ApiKey>> findByHashAsync(String keyHash) {
        return CompletableFuture.completedFuture(findByHash(keyHash));
    }

    /** Newest first. */
    Page<ApiKey> list(PageRequest page);

    /** Writes last-used times collected since the previous flush, in one batch; never moves a time backwards. */
    void recordLastUsed(Map<UUID, Instant> lastUsed);
}
