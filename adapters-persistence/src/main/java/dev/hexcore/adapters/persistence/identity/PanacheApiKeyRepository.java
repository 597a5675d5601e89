package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.adapters.persistence.shared.Reads;
import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyRepository;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.arc.NoClassInterceptors;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * {@link ApiKeyRepository} on PostgreSQL. Writes join the caller's transaction (opened through the unit of work) and
 * fail without one; reads work with or without a transaction.
 *
 * <p>{@link #findByHash} results, "not found" included, are cached per replica for at most half a second
 * ({@code hexcore.security.auth-cache-ttl}, clamped to 0.5 s, at most 100 000 entries). That bound is how a revoked key
 * stops working within 1 s on every replica without any cross-replica messaging; {@link #save} also drops the local
 * entry at once, and again when its transaction completes.
 */
@ApplicationScoped
@ActivateRequestContext
public class PanacheApiKeyRepository implements ApiKeyRepository {
    private static final UniqueConstraints.Rule UNIQUE_HASH = new UniqueConstraints.Rule("ux_api_keys_key_hash",
            "API_KEY_CONFLICT", "An API key with the same secret already exists.");
    /** PostgreSQL's {@code greatest} ignores nulls, so a first use is written and later ones never move back. */
    private static final String TOUCH = "update api_keys set last_used_at = greatest(last_used_at, ?) where id = ?";

    private final AuthCache<String, ApiKey> byHash;

    @Inject
    public PanacheApiKeyRepository(@ConfigProperty(name = AuthCache.TTL_PROPERTY, defaultValue = "PT1S") Duration cacheTtl,
                                   TransactionSynchronizationRegistry transactions) {
        this.byHash = new AuthCache<>(cacheTtl, transactions);
    }

    /** Inserts or updates and flushes. {@code last_used_at} is left to {@link #recordLastUsed} on updates. */
    @Override
    public void save(ApiKey key) {
        ApiKeyEntity entity = ApiKeyEntity.findById(key.id());
        if (entity == null) {
            entity = new ApiKeyEntity();
            ApiKeyMapper.copy(key, entity);
            entity.persist();
        } else {
            ApiKeyMapper.copy(key, entity);
        }
        UniqueConstraints.flush(ApiKeyEntity.getEntityManager(), UNIQUE_HASH);
        byHash.invalidate(key.keyHash());
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return Reads.fresh(() -> ApiKeyEntity.<ApiKeyEntity>findByIdOptional(id).map(ApiKeyMapper::toDomain));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return byHash.get(keyHash, PanacheApiKeyRepository::loadByHash).map(ApiKeyMapper::copyOf);
    }

    @Override
    @NoClassInterceptors // a cache hit needs no request context; a miss loads in one of its own (AuthCache)
    public CompletionStage<Optional<ApiKey>> findByHashAsync(String keyHash) {
        return byHash.getAsync(keyHash, PanacheApiKeyRepository::loadByHash).thenApply(found -> found.map(ApiKeyMapper::copyOf));
    }

    private static Optional<ApiKey> loadByHash(String keyHash) {
        return Reads.fresh(() -> ApiKeyEntity.<ApiKeyEntity>find("keyHash", keyHash).firstResultOptional()
                .map(ApiKeyMapper::toDomain));
    }

    @Override
    public Page<ApiKey> list(PageRequest page) {
        return Reads.fresh(() -> {
            PanacheQuery<ApiKeyEntity> query = ApiKeyEntity.findAll(Sort.descending("createdAt", "id"));
            var items = query.page(page.page() - 1, page.limit()).list().stream().map(ApiKeyMapper::toDomain).toList();
            return new Page<>(items, page.page(), page.limit(), query.count());
        });
    }

    /**
     * One JDBC batch of conditional updates, in id order so concurrent flushes from several replicas lock rows in the
     * same order and cannot deadlock. Unknown ids are ignored.
     */
    @Override
    public void recordLastUsed(Map<UUID, Instant> lastUsed) {
        if (lastUsed.isEmpty()) return;
        Map<UUID, Instant> ordered = new TreeMap<>(lastUsed);
        ApiKeyEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TOUCH)) {
                for (var entry : ordered.entrySet()) {
                    statement.setObject(1, OffsetDateTime.ofInstant(entry.getValue(), ZoneOffset.UTC));
                    statement.setObject(2, entry.getKey());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}
