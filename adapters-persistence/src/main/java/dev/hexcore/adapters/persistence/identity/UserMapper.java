package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Copies between {@link User} and {@link UserEntity}. */
final class UserMapper {
    private UserMapper() {
    }

    static User toDomain(UserEntity e) {
        return User.restore(e.id, e.username, e.email, e.passwordHash, roles(e.roles), UserStatus.valueOf(e.status),
                e.nativeLanguage, e.targetLanguage, e.xp, e.languageLevels, e.interests, e.createdAt, e.updatedAt,
                e.tokensValidAfter, e.telegramId, ZoneId.of(e.timeZone));
    }

    /** A separate aggregate with the same state, so a cached user is never changed through a reader's copy. */
    static User copyOf(User u) {
        return User.restore(u.id(), u.username(), u.email(), u.passwordHash(), u.roles(), u.status(), u.nativeLanguage(),
                u.targetLanguage(), u.xp(), u.languageLevels(), u.interests(),
                u.createdAt(), u.updatedAt(), u.tokensValidAfter(), u.telegramId().orElse(null), u.timeZone());
    }

    static UserAccess toAccess(UUID id, String status, Collection<String> roles, Instant tokensValidAfter,
                               Long telegramId) {
        return new UserAccess(id, UserStatus.valueOf(status), roles(roles), tokensValidAfter, telegramId);
    }

    /** Writes every column of {@code user} into {@code e} (a new or a managed entity). */
    static void copy(User user, UserEntity e) {
        e.id = user.id();
        e.username = user.username();
        e.email = user.email();
        e.passwordHash = user.passwordHash();
        e.roles = wireNames(user.roles());
        e.status = user.status().name();
        e.nativeLanguage = user.nativeLanguage();
        e.targetLanguage = user.targetLanguage();
        e.xp = user.xp();
        e.languageLevels = user.languageLevels();
        e.interests = user.interests();
        e.createdAt = user.createdAt();
        e.updatedAt = user.updatedAt();
        e.tokensValidAfter = user.tokensValidAfter();
        e.telegramId = user.telegramId().orElse(null);
        e.timeZone = user.timeZone().getId();
    }

    private static Set<Role> roles(Collection<String> wireNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        wireNames.forEach(name -> roles.add(Role.parse(name)));
        return roles;
    }

    /** In enum order, so the stored JSON does not change when nothing changed. */
    private static List<String> wireNames(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream().map(Role::wireName).toList();
    }
}
