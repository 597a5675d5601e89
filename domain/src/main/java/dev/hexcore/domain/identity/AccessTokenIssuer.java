package dev.hexcore.domain.identity;

import java.time.Instant;

/** Signs access tokens for a user (RS256 JWT in the REST adapter). */
public interface AccessTokenIssuer {
    AccessToken issue(User user, Instant now);
}
