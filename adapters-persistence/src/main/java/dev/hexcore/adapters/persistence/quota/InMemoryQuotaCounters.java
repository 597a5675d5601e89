package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.generation.QuotaCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link QuotaCounters} for one process: a map of window counters, every call serialised on one lock, so a check of
 * several windows and their increments are one atomic step. Not shared between replicas: the embedded default and the
 * fallback of {@link RedisQuotaCounters}. A counter is forgotten {@link #FORGET_AFTER} after its window resets (as the
 * Redis keys expire), swept at most once a minute.
 *
 * <p>Not a CDI bean: the bootstrap module produces the counters it selects.
 */
public final class InMemoryQuotaCounters implements QuotaCounters {
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private record Count(long used, Instant forgetAt) {
    }

    private final Map<String, Count> counts = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    @Override
    public synchronized Optional<Instant> tryAcquire(List<Window> windows, Instant now) {
        sweepIfDue(now);
        Instant refusedUntil = null;
        for (Window window : windows) {
            if (!window.admits(used(window.counter()))) {
                refusedUntil = refusedUntil == null || window.resetsAt().isAfter(refusedUntil) ? window.resetsAt() : refusedUntil;
            }
        }
        if (refusedUntil != null) return Optional.of(refusedUntil);
        for (Window window : windows) {
            if (window.cost() > 0) increment(window, window.cost());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void add(Window window, long amount, Instant now) {
        sweepIfDue(now);
        if (amount > 0) increment(window, amount);
    }

    @Override
    public synchronized Map<String, Long> usage(List<String> counters) {
        Map<String, Long> usage = new LinkedHashMap<>();
        for (String counter : counters) usage.put(counter, used(counter));
        return usage;
    }

    /** How many counters are held now. */
    synchronized int size() {
        return counts.size();
    }

    private long used(String counter) {
        Count count = counts.get(counter);
        return count == null ? 0 : count.used();
    }

    private void increment(Window window, long amount) {
        counts.put(window.counter(), new Count(used(window.counter()) + amount, window.resetsAt().plus(FORGET_AFTER)));
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) return;
        nextSweep = now.plus(SWEEP_EVERY);
        counts.values().removeIf(count -> !count.forgetAt().isAfter(now));
    }
}
