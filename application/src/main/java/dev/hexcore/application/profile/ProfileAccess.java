package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.shared.ForbiddenException;

/**
 * Who may touch profiles and exports. A signed-in user may, for their own profiles; an API key needs the matching
 * scope ({@code profiles:read}, {@code profiles:write}, {@code exports}) or {@code admin}. Everyone but an admin sees
 * only what they created: {@link #ownerKey} is what a profile's {@code source_key} records.
 */
final class ProfileAccess {
    private ProfileAccess() {
    }

    static String ownerKey(Actor actor) {
        return actor.id().toString();
    }

    static void requireRead(Actor actor) {
        require(actor, ApiKeyScope.PROFILES_READ, ApiKeyScope.PROFILES_WRITE);
    }

    static void requireWrite(Actor actor) {
        require(actor, ApiKeyScope.PROFILES_WRITE);
    }

    static void requireExports(Actor actor) {
        require(actor, ApiKeyScope.EXPORTS);
    }

    /** True when the actor may see a resource owned by {@code ownerKey}. */
    static boolean canSee(Actor actor, String ownerKey) {
        return actor.isAdmin() || ownerKey(actor).equals(ownerKey);
    }

    private static void require(Actor actor, String... anyOf) {
        if (actor.kind() == Actor.Kind.USER || actor.isAdmin()) return;
        for (String scope : anyOf) {
            if (actor.scopes().contains(scope)) return;
        }
        throw new ForbiddenException("This API key lacks the '" + anyOf[0] + "' scope");
    }
}
