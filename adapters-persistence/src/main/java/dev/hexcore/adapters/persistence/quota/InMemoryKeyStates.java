package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.KeyStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link KeyStates} for one process, every call serialised on one lock. Not shared between replicas: the embedded
 * default and the fallback of {@link RedisKeyStates}. Cooldowns and strike runs are dropped once over.
 *
 * <p>Not a CDI bean: the bootstrap module produces the states it selects.
 */
public final class InMemoryKeyStates implements KeyStates {
    private record Run(int strikes, Instant forgetAt) {
    }

    private final Map<String, Instant> cooldowns = new HashMap<>();
    private final Map<String, Run> runs = new HashMap<>();
    private final Map<String, String> disabled = new HashMap<>();

    @Override
    public synchronized View view(Collection<String> scopes, Instant now) {
        cooldowns.values().removeIf(until -> !until.isAfter(now));
        Map<String, Instant> running = new HashMap<>();
        for (String scope : scopes) {
            Instant until = cooldowns.get(scope);
            if (until != null) running.put(scope, until);
        }
        return new View(running, disabled);
    }

    @Override
    public synchronized void coolDown(String scope, Instant until, Instant now) {
        if (until.isAfter(now)) cooldowns.merge(scope, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public synchronized int strike(String scope, Instant now, Duration forgetAfter) {
        runs.values().removeIf(run -> !run.forgetAt().isAfter(now));
        Run previous = runs.get(scope);
        Run run = new Run(previous == null ? 1 : previous.strikes() + 1, now.plus(forgetAfter));
        runs.put(scope, run);
        return run.strikes();
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
