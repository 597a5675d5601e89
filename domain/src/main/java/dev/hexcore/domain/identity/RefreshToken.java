package dev.hexcore.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of a refresh-token family. Each refresh consumes the token and issues the next one in the same family;
 * presenting an already consumed token means it leaked, and the whole family is revoked.
 */
public record RefreshToken(UUID id, UUID userId, UUID familyId, String tokenHash, Instant createdAt,
                           Instant expiresAt, Instant usedAt, Instant revokedAt) {

    public static RefreshToken issue(UUID id, UUID userId, UUID familyId, String tokenHash, Instant now, Duration ttl) {
        return new RefreshToken(id, userId, familyId, tokenHash, now, now.plus(ttl), null, null);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isConsumed() {
        return usedAt != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
