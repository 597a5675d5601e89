package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.QuotaCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quota counters in a map, all calls serialised; counters are never forgotten (tests are short). */
public final class InMemoryQuotaCounters implements QuotaCounters {
    private final Map<String, Long> used = new HashMap<>();

    @Override
    public synchronized Optional<Instant> tryAcquire(List<Window> windows, Instant now) {
        Instant blockedUntil = null;
        for (Window window : windows) {
            if (!window.admits(used.getOrDefault(window.counter(), 0L))) {
                if (blockedUntil == null || window.resetsAt().isAfter(blockedUntil)) blockedUntil = window.resetsAt();
            }
        }
        if (blockedUntil != null) return Optional.of(blockedUntil);
        for (Window window : windows) {
            if (window.cost() > 0) used.merge(window.counter(), window.cost(), Long::sum);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void add(Window window, long amount, Instant now) {
        used.merge(window.counter(), amount, Long::sum);
    }

    @Override
    public synchronized Map<String, Long> usage(List<String> counters) {
        Map<String, Long> result = new HashMap<>();
        for (String counter : counters) result.put(counter, used.getOrDefault(counter, 0L));
        return result;
    }
}
