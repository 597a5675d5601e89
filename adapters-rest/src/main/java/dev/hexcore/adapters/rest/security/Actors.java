package dev.hexcore.adapters.rest.security;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.shared.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** The bridge from Quarkus security to the use cases: every authenticated identity carries an {@link Actor}. */
public final class Actors {
    public static final String ATTRIBUTE = "hexcore.actor";
    /** Per-key override of the default rate limit (Integer), set for API-key identities. */
    public static final String RATE_LIMIT_ATTRIBUTE = "hexcore.rate_limit_per_min";

    private Actors() {
    }

    public static Actor of(SecurityIdentity identity) {
        Actor actor = identity == null ? null : identity.getAttribute(ATTRIBUTE);
        if (actor == null) throw new AuthenticationException("UNAUTHENTICATED", "A valid bearer token or API key is required");
        return actor;
    }

    /** For routes about the signed-in person (/users/me): an API key is not a person. */
    public static Actor user(SecurityIdentity identity) {
        Actor actor = of(identity);
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("This route needs a user's bearer token, not an API key");
        return actor;
    }
}
