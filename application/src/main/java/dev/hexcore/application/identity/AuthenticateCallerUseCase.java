package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.UserAccess;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Per-request credential checks. Both are served from a short-lived cache, not the database, on the hot path, and
 * are asynchronous so an I/O thread can ask without blocking: a cached answer completes at once.
 */
public interface AuthenticateCallerUseCase {
    /** The key if the secret belongs to an active, unexpired key; its use is recorded for a later batched write. */
    CompletionStage<Optional<ApiKey>> authenticate(String secret);

    /** Status and current roles of the user an access token was issued to. */
    CompletionStage<Optional<UserAccess>> userAccess(UUID userId);

    /** Writes the last-used times collected since the previous call. */
    int flushUsage();
}
