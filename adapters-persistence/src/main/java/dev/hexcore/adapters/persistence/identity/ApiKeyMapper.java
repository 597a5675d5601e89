package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyStatus;
import java.util.Set;

/** Copies between {@link ApiKey} and {@link ApiKeyEntity}. */
final class ApiKeyMapper {
    private ApiKeyMapper() {
    }

    static ApiKey toDomain(ApiKeyEntity e) {
        return ApiKey.restore(e.id, e.label, e.keyHash, e.displayPrefix, Set.copyOf(e.scopes),
                ApiKeyStatus.valueOf(e.status), e.rateLimitPerMin, e.lastUsedAt, e.createdAt, e.expiresAt, e.revokedAt,
                e.createdBy);
    }

    /** A fresh instance, so a caller mutating its key (revoke) never alters a cached one. */
    static ApiKey copyOf(ApiKey k) {
        return ApiKey.restore(k.id(), k.label(), k.keyHash(), k.displayPrefix(), k.scopes(), k.status(),
                k.rateLimitPerMin(), k.lastUsedAt(), k.createdAt(), k.expiresAt(), k.revokedAt(), k.createdBy());
    }

    /** Writes every column of {@code key} into {@code e} (a new or a managed entity). */
    static void copy(ApiKey key, ApiKeyEntity e) {
        e.id = key.id();
        e.label = key.label();
        e.keyHash = key.keyHash();
        e.displayPrefix = key.displayPrefix();
        e.scopes = key.scopes().stream().sorted().toList();
        e.status = key.status().name();
        e.rateLimitPerMin = key.rateLimitPerMin();
        e.lastUsedAt = key.lastUsedAt();
        e.createdAt = key.createdAt();
        e.expiresAt = key.expiresAt();
        e.revokedAt = key.revokedAt();
        e.createdBy = key.createdBy();
    }
}
