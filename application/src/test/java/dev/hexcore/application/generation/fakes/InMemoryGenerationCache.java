package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The response cache in a map, counting lookups so concurrency tests can tell when every caller has missed. */
public final class InMemoryGenerationCache implements GenerationCache {
    private record Stored(CachedGeneration entry, Instant expiresAt) {
    }

    private final Map<String, Stored> entries = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();

    @Override
    public Optional<CachedGeneration> get(String key, Instant now) {
        lookups.incrementAndGet();
        synchronized (lookups) {
            lookups.notifyAll();
        }
        Stored stored = entries.get(key);
        return stored == null || !now.isBefore(stored.expiresAt()) ? Optional.empty() : Optional.of(stored.entry());
    }

    @Override
    public void put(String key, CachedGeneration entry, Instant expiresAt) {
        puts.incrementAndGet();
        entries.put(key, new Stored(entry, expiresAt));
    }

    public int size() {
        return entries.size();
    }

    public int lookups() {
        return lookups.get();
    }

    /** Blocks until at least {@code count} lookups happened (true) or {@code timeout} passed (false). */
    public boolean awaitLookups(int count, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lookups) {
            while (lookups.get() < count) {
                long left = end - System.nanoTime();
                if (left <= 0) return false;
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lookups, left);
            }
        }
        return true;
    }

    public int puts() {
        return puts.get();
    }
}
