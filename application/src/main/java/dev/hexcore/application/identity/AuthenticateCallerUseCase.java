package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.UserAccess;
import java.util.Optional;
import java.util.UUID;

/** Per-request credential checks. Both are served from a short-lived cache, not the database, on the hot path. */
public interface AuthenticateCallerUseCase {
    /** The key if the secret belongs to an active, unexpired key; its use is recorded for a later batched write. */
    Optional<ApiKey> authenticate(String secret);

    /** Status and current roles of the user an access token was issued to. */
    Optional<UserAccess> userAccess(UUID userId);

    /** Writes the last-used times collected since the previous call. */
    int flushUsage();
}
