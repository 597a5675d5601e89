package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.adapters.persistence.shared.Reads;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.arc.NoClassInterceptors;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link UserRepository} on PostgreSQL. Writes join the caller's transaction (opened through the unit of work) and
 * fail without one; reads work with or without a transaction. Usernames are matched case-insensitively.
 *
 * <p>{@link #findAccess} results are cached per replica for at most half a second
 * ({@code hexcore.security.auth-cache-ttl}, clamped to 0.5 s), so a disabled account or a role change takes effect on
 * every replica within a second; {@link #save} drops the local entry at once.
 */
@ApplicationScoped
@ActivateRequestContext
public class PanacheUserRepository implements UserRepository {
    private static final UniqueConstraints.Rule[] UNIQUE = {
            new UniqueConstraints.Rule("ux_users_username_lower", "USERNAME_TAKEN", "This username is already taken."),
            new UniqueConstraints.Rule("ux_users_email", "EMAIL_TAKEN", "This e-mail address is already registered."),
            new UniqueConstraints.Rule("ux_users_telegram_id", "TELEGRAM_ID_TAKEN",
                    "This Telegram id is already linked to another account."),
    };

    private final AuthCache<UUID, UserAccess> accessCache;
    private final AuthCache<UUID, User> recentUsers;

    @Inject
    public PanacheUserRepository(@ConfigProperty(name = AuthCache.TTL_PROPERTY, defaultValue = "PT1S") Duration cacheTtl,
                                 TransactionSynchronizationRegistry transactions) {
        this.accessCache = new AuthCache<>(cacheTtl, transactions);
        this.recentUsers = new AuthCache<>(cacheTtl, transactions);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Reads.fresh(() -> UserEntity.<UserEntity>findByIdOptional(id).map(UserMapper::toDomain));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Reads.fresh(() -> UserEntity.<UserEntity>find("lower(username) = lower(?1)", username)
                .firstResultOptional().map(UserMapper::toDomain));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return Reads.fresh(() -> UserEntity.<UserEntity>find("email", email.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(UserMapper::toDomain));
    }

    @Override
    public Optional<User> findByTelegramId(long telegramId) {
        return Reads.fresh(() -> UserEntity.<UserEntity>find("telegramId", telegramId)
                .firstResultOptional().map(UserMapper::toDomain));
    }

    @Override
    public boolean existsByUsername(String username) {
        return UserEntity.count("lower(username) = lower(?1)", username) > 0;
    }

    @Override
    public boolean existsByEmail(String email) {
        return UserEntity.count("email", email.toLowerCase(Locale.ROOT)) > 0;
    }

    /** Inserts or updates and flushes, so a duplicate username or e-mail surfaces here as a ConflictException. */
    @Override
    public void save(User user) {
        UserEntity entity = UserEntity.findById(user.id());
        if (entity == null) {
            entity = new UserEntity();
            UserMapper.copy(user, entity);
            entity.persist();
        } else {
            UserMapper.copy(user, entity);
        }
        UniqueConstraints.flush(UserEntity.getEntityManager(), UNIQUE);
        accessCache.invalidate(user.id());
        recentUsers.invalidate(user.id());
    }

    /** Whether any account, active or not, carries the admin role. */
    @Override
    public boolean anyAdminExists() {
        Object exists = UserEntity.getEntityManager()
                .createNativeQuery("select exists (select 1 from users where roles @> '[\"admin\"]')")
                .getSingleResult();
        return Boolean.TRUE.equals(exists);
    }

    @Override
    public Page<User> list(PageRequest page) {
        return Reads.fresh(() -> {
            PanacheQuery<UserEntity> query = UserEntity.findAll(Sort.descending("createdAt", "id"));
            var items = query.page(page.page() - 1, page.limit()).list().stream().map(UserMapper::toDomain).toList();
            return new Page<>(items, page.page(), page.limit(), query.count());
        });
    }

    @Override
    public Optional<UserAccess> findAccess(UUID id) {
        return accessCache.get(id, PanacheUserRepository::loadAccess);
    }

    /** Cached like {@link #findAccessAsync}; every caller gets its own copy of the aggregate. */
    @Override
    @NoClassInterceptors // a cache hit needs no request context; a miss loads in one of its own (AuthCache)
    public CompletionStage<Optional<User>> findRecentAsync(UUID id) {
        return recentUsers.getAsync(id, PanacheUserRepository::loadUser).thenApply(found -> found.map(UserMapper::copyOf));
    }

    private static Optional<User> loadUser(UUID id) {
        return UserEntity.<UserEntity>findByIdOptional(id).map(UserMapper::toDomain);
    }

    @Override
    @NoClassInterceptors // a cache hit needs no request context; a miss loads in one of its own (AuthCache)
    public CompletionStage<Optional<UserAccess>> findAccessAsync(UUID id) {
        return accessCache.getAsync(id, PanacheUserRepository::loadAccess);
    }

    private static Optional<UserAccess> loadAccess(UUID id) {
        return UserEntity.getEntityManager()
                .createQuery("select u.status, u.roles, u.tokensValidAfter, u.telegramId from UserEntity u where u.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> UserMapper.toAccess(id, (String) row[0], rolesOf(row[1]), (Instant) row[2],
                        (Long) row[3]));
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> rolesOf(Object column) {
        return (Collection<String>) column;
    }
}
