package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.User;

/** Operator tasks: seed an admin from configuration or the command line, and tell whether one exists. */
public interface EnsureAdminUseCase {
    enum Outcome { CREATED, PROMOTED, ALREADY_ADMIN }

    record Result(User user, Outcome outcome) {
    }

    /**
     * Creates the admin if the username is free; if the user exists it is made admin (its password is left alone,
     * so a restart with the same settings changes nothing).
     */
    Result ensureAdmin(String username, String email, String password);

    boolean anyAdminExists();
}
