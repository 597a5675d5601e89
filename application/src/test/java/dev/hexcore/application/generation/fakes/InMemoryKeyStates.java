package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.KeyStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Key states in maps, all calls serialised. */
public final class InMemoryKeyStates implements KeyStates {
    private final Map<String, Instant> cooldowns = new HashMap<>();
    private final Map<String, String> disabled = new HashMap<>();
    private final Map<String, Integer> strikes = new HashMap<>();
    private final Map<String, Instant> strikesForgottenAt = new HashMap<>();

    @Override
    public synchronized View view(Collection<String> scopes, Instant now) {
        Map<String, Instant> running = new HashMap<>();
        for (String scope : scopes) {
            Instant until = cooldowns.get(scope);
            if (until != null && until.isAfter(now)) running.put(scope, until);
        }
        return new View(running, disabled);
    }

    @Override
    public synchronized void coolDown(String scope, Instant until, Instant now) {
        cooldowns.merge(scope, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public synchronized int strike(String scope, Instant now, Duration forgetAfter) {
        Instant forgetAt = strikesForgottenAt.get(scope);
        int run = forgetAt == null || !now.isBefore(forgetAt) ? 1 : strikes.get(scope) + 1;
        strikes.put(scope, run);
        strikesForgottenAt.put(scope, now.plus(forgetAfter));
        return run;
    }

    @Override
    public synchronized void disable(String keyId, String reason) {
        disabled.put(keyId, reason);
    }

    @Override
    public synchronized void enable(String keyId) {
        disabled.remove(keyId);
    }
}
