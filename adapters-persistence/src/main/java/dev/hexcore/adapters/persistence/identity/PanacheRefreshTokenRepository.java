package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.adapters.persistence.shared.Reads;
import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RefreshTokenRepository} on PostgreSQL. Writes join the caller's transaction (opened through the unit of
 * work) and fail without one. Consumption and revocation are single conditional UPDATEs, so two concurrent refreshes
 * with the same token cannot both succeed; {@code used_at} and {@code revoked_at} are only ever set that way.
 */
@ApplicationScoped
@ActivateRequestContext
public class PanacheRefreshTokenRepository implements RefreshTokenRepository {
    private static final UniqueConstraints.Rule UNIQUE_HASH = new UniqueConstraints.Rule(
            "ux_refresh_tokens_token_hash", "REFRESH_TOKEN_CONFLICT", "A refresh token with the same value exists.");

    @Override
    public void save(RefreshToken token) {
        RefreshTokenEntity entity = RefreshTokenEntity.findById(token.id());
        if (entity == null) {
            entity = new RefreshTokenEntity();
            RefreshTokenMapper.copy(token, entity);
            entity.persist();
        } else {
            RefreshTokenMapper.copy(token, entity);
        }
        UniqueConstraints.flush(RefreshTokenEntity.getEntityManager(), UNIQUE_HASH);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return Reads.fresh(() -> RefreshTokenEntity.<RefreshTokenEntity>find("tokenHash", tokenHash)
                .firstResultOptional().map(RefreshTokenMapper::toDomain));
    }

    @Override
    public boolean consume(UUID tokenId, Instant at) {
        return RefreshTokenEntity.update("usedAt = :at where id = :id and usedAt is null",
                Parameters.with("at", at).and("id", tokenId)) == 1;
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at) {
        return RefreshTokenEntity.update("revokedAt = :at where familyId = :familyId and revokedAt is null",
                Parameters.with("at", at).and("familyId", familyId));
    }

    @Override
    public int revokeAllOfUser(UUID userId, Instant at) {
        return RefreshTokenEntity.update("revokedAt = :at where userId = :userId and revokedAt is null",
                Parameters.with("at", at).and("userId", userId));
    }
}
