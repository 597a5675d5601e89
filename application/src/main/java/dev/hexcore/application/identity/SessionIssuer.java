package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.User;

/** Starts a session (a new refresh-token family and an access token) for a user another use case has authenticated. */
public interface SessionIssuer {
    TokenPair startSession(User user);
}
