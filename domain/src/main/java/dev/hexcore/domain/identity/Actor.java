package dev.hexcore.domain.identity;

import java.util.Set;
import java.util.UUID;

/** Who is calling: a user (with roles) or an API key (with scopes). Use cases check rules like "manager or self". */
public record Actor(Kind kind, UUID id, Set<Role> roles, Set<String> scopes) {
    public enum Kind { USER, API_KEY }

    public Actor {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public static Actor user(UUID id, Set<Role> roles) {
        return new Actor(Kind.USER, id, roles, Set.of());
    }

    public static Actor apiKey(UUID id, Set<String> scopes) {
        return new Actor(Kind.API_KEY, id, Set.of(), scopes);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN) || scopes.contains(ApiKeyScope.ADMIN);
    }

    public boolean isUser(UUID userId) {
        return kind == Kind.USER && id.equals(userId);
    }
}
