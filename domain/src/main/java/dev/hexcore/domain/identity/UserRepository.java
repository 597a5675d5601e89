package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Stores user accounts. Usernames, e-mails and linked Telegram ids are unique (e-mails compared in lower case). */
public interface UserRepository {
    Optional<User> findById(UUID id);

    /** Case-insensitive. */
    Optional<User> findByUsername(String username);

    /** Case-insensitive (e-mails are stored lower-cased). */
    Optional<User> findByEmail(String email);

    /** The account linked to this Telegram user id, if any. */
    Optional<User> findByTelegramId(long telegramId);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    /** Inserts or updates. A unique-constraint race surfaces as a ConflictException. */
    void save(User user);

    /** Whether any account, active or disabled, has the admin role. */
    boolean anyAdminExists();

    /** Newest first. */
    Page<User> list(PageRequest page);

    /**
     * Status and roles for authentication. Implementations may cache this for at most one second, so a
     * disabled account or a role change takes effect within a second on every replica.
     */
    Optional<UserAccess> findAccess(UUID id);

    /**
     * The user as read at most about a second ago on this replica (local writes drop the copy at once): the same
     * staleness bound as {@link #findAccess}, for hot read-only views such as GET /auth/me. Does not block the caller
     * when the copy is fresh.
     */
    default CompletionStage<Optional<User>> findRecentAsync(UUID id) {
        return CompletableFuture.completedFuture(findById(id));
    }

    /** {@link #findAccess} without blocking the caller; see {@link ApiKeyRepository#findByHashAsync}. */
    default CompletionStage<Optional<UserAccess>> findAccessAsync(UUID id) {
        return CompletableFuture.completedFuture(findAccess(id));
    }
}
