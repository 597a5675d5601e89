package dev.hexcore.domain.crm;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user working in a shop. A user belongs to at most one shop; what they may do there follows their account's roles
 * (manager, florist, courier). Admins belong to no shop: they see every shop.
 */
public record StaffMember(UUID userId, UUID shopId, String username, Set<Role> roles, Instant addedAt) {
    public static final Set<Role> STAFF_ROLES = Set.of(Role.MANAGER, Role.FLORIST, Role.COURIER);

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    /** Checks that an account may join a shop's staff: it holds a staff role and is not an admin. */
    public static void checkEligible(Set<Role> accountRoles) {
        if (accountRoles.contains(Role.ADMIN)) {
            throw new InvalidValueException("user_id", "admins see every shop and cannot be staff of one");
        }
        if (accountRoles.stream().noneMatch(STAFF_ROLES::contains)) {
            throw new InvalidValueException("user_id", "the user needs the role manager, florist or courier");
        }
    }
}
