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

    public int puts() {
        return puts.get();
    }
}
