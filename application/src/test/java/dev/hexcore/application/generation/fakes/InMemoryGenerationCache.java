package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The response cache in a map, counting lookups so concurrency tests can tell when every caller has missed; it plays
 * the shared store and the tier in this process at once ({@link #getLocal} reads the same map).
 */
public final class InMemoryGenerationCache implements GenerationCache {
    private final Map<String, Stored> entries = new ConcurrentHashMap<>();
    private final Map<String, Stored> elsewhere = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicReference<Runnable> onceOnMiss = new AtomicReference<>();

    @Override
    public Optional<Stored> find(String key, Instant now) {
        finds.incrementAndGet();
        Stored stored = elsewhere.get(key);
        if (stored != null && now.isBefore(stored.expiresAt())) return Optional.of(stored);
        Optional<Stored> found = read(key, now);
        Runnable hook = onceOnMiss.getAndSet(null);
        if (found.isEmpty() && hook != null) hook.run();
        return found;
    }

    /** Only the map, like a tier held in this process: counted as a lookup but not as a read of the shared store. */
    @Override
    public Optional<CachedGeneration> getLocal(String key, Instant now) {
        return read(key, now).map(Stored::entry);
    }

    private Optional<Stored> read(String key, Instant now) {
        lookups.incrementAndGet();
        synchronized (lookups) {
            lookups.notifyAll();
        }
        Stored stored = entries.get(key);
        return stored == null || !now.isBefore(stored.expiresAt()) ? Optional.empty() : Optional.of(stored);
    }

    /**
     * Runs {@code hook} once, after the next read of the shared store that misses and before that miss is returned:
     * what another flight does between a caller's lookup and its next step.
     */
    public void onceOnMiss(Runnable hook) {
        onceOnMiss.set(hook);
    }

    /** Reads of the shared store ({@link #find}, and {@link #get} through it), not counting {@link #getLocal}. */
    public int finds() {
        return finds.get();
    }

    /** An entry another replica stored: the shared store ({@link #find}) has it, this instance's copy does not. */
    public void storedByAnotherReplica(String key, CachedGeneration entry, Instant expiresAt) {
        elsewhere.put(key, new Stored(entry, expiresAt));
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
