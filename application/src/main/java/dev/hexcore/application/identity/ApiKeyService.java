package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyRepository;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * API key administration and per-request verification. Last-used times are collected in memory and written in
 * batches by {@link #flushUsage()}, so a busy key costs no database write per request.
 */
public final class ApiKeyService implements ApiKeysUseCase, AuthenticateCallerUseCase {
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;
    private final RandomGenerator secureRandom;
    private final ConcurrentHashMap<UUID, Instant> pendingUsage = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock, IdGenerator ids,
                         RandomGenerator secureRandom) {
        this.keys = keys;
        this.users = users;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
        this.secureRandom = secureRandom;
    }

    @Override
    public ApiKey.Issued create(Actor actor, CreateApiKeyCommand command) {
        requireAdmin(actor);
        UUID createdBy = actor.kind() == Actor.Kind.USER ? actor.id() : null;
        ApiKey.Issued issued = ApiKey.issue(ids.next(), command.label(), command.scopes(), command.rateLimitPerMin(),
                command.expiresAt(), createdBy, clock.instant(), secureRandom);
        uow.run(() -> keys.save(issued.key()));
        return issued;
    }

    @Override
    public Page<ApiKey> list(Actor actor, PageRequest page) {
        requireAdmin(actor);
        return uow.inTransaction(() -> keys.list(page));
    }

    @Override
    public void revoke(Actor actor, UUID keyId) {
        requireAdmin(actor);
        uow.run(() -> {
            ApiKey key = keys.findById(keyId).orElseThrow(() -> new NotFoundException("API key"));
            key.revoke(clock.instant());
            keys.save(key);
        });
    }

    @Override
    public CompletionStage<Optional<ApiKey>> authenticate(String secret) {
        if (!ApiKey.looksLikeKey(secret)) return CompletableFuture.completedFuture(Optional.empty());
        return keys.findByHashAsync(ApiKey.hash(secret)).thenApply(found -> {
            Instant now = clock.instant();
            Optional<ApiKey> key = found.filter(k -> k.isUsableAt(now));
            key.ifPresent(k -> pendingUsage.merge(k.id(), now, (a, b) -> a.isAfter(b) ? a : b));
            return key;
        });
    }

    @Override
    public CompletionStage<Optional<UserAccess>> userAccess(UUID userId) {
        return users.findAccessAsync(userId);
    }

    @Override
    public int flushUsage() {
        if (pendingUsage.isEmpty()) return 0;
        Map<UUID, Instant> batch = new HashMap<>();
        for (UUID id : pendingUsage.keySet()) {
            Instant at = pendingUsage.remove(id);
            if (at != null) batch.put(id, at);
        }
        try {
            uow.run(() -> keys.recordLastUsed(batch));
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> pendingUsage.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
        return batch.size();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) throw new ForbiddenException("Only an admin may manage API keys");
    }
}
