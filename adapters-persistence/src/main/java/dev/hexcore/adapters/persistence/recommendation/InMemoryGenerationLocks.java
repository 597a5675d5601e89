package dev.hexcore.adapters.persistence.recommendation;

import dev.hexcore.domain.recommendation.GenerationLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link GenerationLocks} of one process (embedded defaults, where there is one replica): leases expire by the clock. */
public final class InMemoryGenerationLocks implements GenerationLocks {
    private final Map<String, Instant> held = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryGenerationLocks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tryLock(String name, Duration lease) {
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        return held.compute(name, (key, current) -> current == null || !current.isAfter(now) ? until : current) == until;
    }

    @Override
    public boolean isLocked(String name) {
        Instant until = held.get(name);
        return until != null && until.isAfter(clock.instant());
    }

    @Override
    public void unlock(String name) {
        held.remove(name);
    }
}
