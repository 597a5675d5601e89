package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Issue, list and revoke API keys (admin only; the CLI acts as the system). */
public interface ApiKeysUseCase {
    record CreateApiKeyCommand(String label, Set<String> scopes, Integer rateLimitPerMin, Instant expiresAt) {
    }

    ApiKey.Issued create(Actor actor, CreateApiKeyCommand command);

    Page<ApiKey> list(Actor actor, PageRequest page);

    void revoke(Actor actor, UUID keyId);
}
