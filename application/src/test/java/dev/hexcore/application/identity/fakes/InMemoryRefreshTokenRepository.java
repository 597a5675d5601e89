package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** {@link RefreshTokenRepository} on a map; consume and revoke are conditional, like the adapter's UPDATEs. */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository, FakeUnitOfWork.Participant {
    private final Map<UUID, RefreshToken> rows = new LinkedHashMap<>();
    private final FakeUnitOfWork uow;

    public InMemoryRefreshTokenRepository(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public void save(RefreshToken token) {
        uow.requireActive();
        boolean duplicate = rows.values().stream()
                .anyMatch(t -> !t.id().equals(token.id()) && t.tokenHash().equals(token.tokenHash()));
        if (duplicate) throw new IllegalStateException("duplicate token hash");
        rows.put(token.id(), token);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return rows.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public boolean consume(UUID tokenId, Instant at) {
        uow.requireActive();
        RefreshToken t = rows.get(tokenId);
        if (t == null || t.usedAt() != null) return false;
        rows.put(tokenId, new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(), t.createdAt(),
                t.expiresAt(), at, t.revokedAt()));
        return true;
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at) {
        return revokeWhere(t -> t.familyId().equals(familyId), at);
    }

    @Override
    public int revokeAllOfUser(UUID userId, Instant at) {
        return revokeWhere(t -> t.userId().equals(userId), at);
    }

    private int revokeWhere(Predicate<RefreshToken> which, Instant at) {
        uow.requireActive();
        int count = 0;
        for (RefreshToken t : List.copyOf(rows.values())) {
            if (which.test(t) && t.revokedAt() == null) {
                rows.put(t.id(), new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(), t.createdAt(),
                        t.expiresAt(), t.usedAt(), at));
                count++;
            }
        }
        return count;
    }

    public List<RefreshToken> all() {
        return List.copyOf(rows.values());
    }

    public List<RefreshToken> family(UUID familyId) {
        return rows.values().stream().filter(t -> t.familyId().equals(familyId)).toList();
    }

    public List<RefreshToken> ofUser(UUID userId) {
        return rows.values().stream().filter(t -> t.userId().equals(userId)).toList();
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, RefreshToken> saved = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }
}
