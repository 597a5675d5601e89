package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.identity.RefreshToken;

/** Copies between {@link RefreshToken} and {@link RefreshTokenEntity}. */
final class RefreshTokenMapper {
    private RefreshTokenMapper() {
    }

    static RefreshToken toDomain(RefreshTokenEntity e) {
        return new RefreshToken(e.id, e.userId, e.familyId, e.tokenHash, e.createdAt, e.expiresAt, e.usedAt,
                e.revokedAt);
    }

    /** Writes every column of {@code token} into {@code e} (a new or a managed entity). */
    static void copy(RefreshToken token, RefreshTokenEntity e) {
        e.id = token.id();
        e.userId = token.userId();
        e.familyId = token.familyId();
        e.tokenHash = token.tokenHash();
        e.createdAt = token.createdAt();
        e.expiresAt = token.expiresAt();
        e.usedAt = token.usedAt();
        e.revokedAt = token.revokedAt();
    }
}
