package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyRepository;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ApiKeyRepository} on a map, with the adapter's semantics: reads hand out copies, {@code last_used_at} is only
 * written by {@link #recordLastUsed} and never moves backwards, unknown ids are ignored there. Every
 * {@code recordLastUsed} batch is kept for assertions, and the next one can be made to fail.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository, FakeUnitOfWork.Participant {
    private final Map<UUID, ApiKey> rows = new LinkedHashMap<>();
    private final List<Map<UUID, Instant>> usageBatches = new ArrayList<>();
    private final FakeUnitOfWork uow;
    private RuntimeException failNextUsageWrite;

    public InMemoryApiKeyRepository(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public void save(ApiKey key) {
        uow.requireActive();
        boolean duplicate = rows.values().stream()
                .anyMatch(k -> !k.id().equals(key.id()) && k.keyHash().equals(key.keyHash()));
        if (duplicate) throw new ConflictException("API_KEY_CONFLICT", "An API key with the same secret already exists.");
        ApiKey stored = rows.get(key.id());
        rows.put(key.id(), copy(key, stored == null ? key.lastUsedAt() : stored.lastUsedAt()));
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(k -> copy(k, k.lastUsedAt()));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return rows.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst()
                .map(k -> copy(k, k.lastUsedAt()));
    }

    @Override
    public Page<ApiKey> list(PageRequest page) {
        List<ApiKey> sorted = rows.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed())
                .toList();
        List<ApiKey> items = sorted.stream().skip(page.offset()).limit(page.limit())
                .map(k -> copy(k, k.lastUsedAt())).toList();
        return new Page<>(items, page.page(), page.limit(), sorted.size());
    }

    @Override
    public void recordLastUsed(Map<UUID, Instant> lastUsed) {
        uow.requireActive();
        if (failNextUsageWrite != null) {
            RuntimeException failure = failNextUsageWrite;
            failNextUsageWrite = null;
            throw failure;
        }
        usageBatches.add(Map.copyOf(lastUsed));
        lastUsed.forEach((id, at) -> {
            ApiKey k = rows.get(id);
            if (k == null) return;
            Instant latest = k.lastUsedAt() == null || at.isAfter(k.lastUsedAt()) ? at : k.lastUsedAt();
            rows.put(id, copy(k, latest));
        });
    }

    /** The batches written so far, oldest first. */
    public List<Map<UUID, Instant>> usageBatches() {
        return List.copyOf(usageBatches);
    }

    public void failNextUsageWrite(RuntimeException failure) {
        this.failNextUsageWrite = failure;
    }

    public int count() {
        return rows.size();
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, ApiKey> saved = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }

    private static ApiKey copy(ApiKey k, Instant lastUsedAt) {
        return ApiKey.restore(k.id(), k.label(), k.keyHash(), k.displayPrefix(), k.scopes(), k.status(),
                k.rateLimitPerMin(), lastUsedAt, k.createdAt(), k.expiresAt(), k.revokedAt(), k.createdBy());
    }
}
