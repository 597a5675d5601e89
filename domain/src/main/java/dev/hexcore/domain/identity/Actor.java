package dev.hexcore.domain.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a user (with roles) or an API key (with scopes). Use cases check rules like "manager or self".
 *
 * @param telegramId the calling user's linked Telegram user id; empty for API keys and users without one
 */
public record Actor(Kind kind, UUID id, Set<Role> roles, Set<String> scopes, Optional<Long> telegramId) {
    public enum Kind { USER, API_KEY }

    public Actor {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        telegramId = telegramId == null ? Optional.empty() : telegramId;
    }

    public static Actor user(UUID id, Set<Role> roles) {
        return new Actor(Kind.USER, id, roles, Set.of(), Optional.empty());
    }

    /** A user as authentication found them: current roles and linked Telegram id. */
    public static Actor user(UserAccess access) {
        return new Actor(Kind.USER, access.userId(), access.roles(), Set.of(), access.telegram());
    }

    public static Actor apiKey(UUID id, Set<String> scopes) {
        return new Actor(Kind.API_KEY, id, Set.of(), scopes, Optional.empty());
    }

    /** Whether this is the user linked to {@code telegramUserId} (for "manager or self" rules keyed by Telegram id). */
    public boolean isTelegramUser(long telegramUserId) {
        return kind == Kind.USER && telegramId.isPresent() && telegramId.get() == telegramUserId;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN) || scopes.contains(ApiKeyScope.ADMIN);
    }

    public boolean isUser(UUID userId) {
        return kind == Kind.USER && id.equals(userId);
    }
}
