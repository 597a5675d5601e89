package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.identity.PasswordHasher;

/** Not a real hash ("hashed:" + password); counts checks so tests can see that a check happened. */
public final class FakePasswordHasher implements PasswordHasher {
    private static final String PREFIX = "hashed:";
    private int matchesCalls;

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        matchesCalls++;
        return hash != null && hash.equals(PREFIX + password);
    }

    public int matchesCalls() {
        return matchesCalls;
    }
}
