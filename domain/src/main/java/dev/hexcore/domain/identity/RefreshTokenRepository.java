package dev.hexcore.domain.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores refresh tokens by hash; the plain token is never stored. */
public interface RefreshTokenRepository {
    void save(RefreshToken token);

    Optional<RefreshToken> findByHash(String tokenHash);

    /** Marks the token consumed if nobody consumed it before; false when it was already consumed (a reuse). */
    boolean consume(UUID tokenId, Instant at);

    /** Revokes every token of the family; returns how many were revoked now. */
    int revokeFamily(UUID familyId, Instant at);

    /** Revokes every token of the user (account disabled). */
    int revokeAllOfUser(UUID userId, Instant at);
}
