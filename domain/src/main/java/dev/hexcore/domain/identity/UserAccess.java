package dev.hexcore.domain.identity;

import java.util.Set;
import java.util.UUID;

/** What authentication needs to know about a user on every request: whether the account works, and its roles. */
public record UserAccess(UUID userId, UserStatus status, Set<Role> roles) {
    public UserAccess {
        roles = Set.copyOf(roles);
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}
