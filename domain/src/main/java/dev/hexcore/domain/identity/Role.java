package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Roles from seeds 002 (user) and 004 (admin, manager, florist, courier). Wire form is lower case. */
public enum Role {
    ADMIN, MANAGER, FLORIST, COURIER, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) return role;
            }
        }
        throw new InvalidValueException("roles", "unknown role '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
    }
}
