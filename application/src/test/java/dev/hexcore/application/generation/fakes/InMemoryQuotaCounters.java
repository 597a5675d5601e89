package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.QuotaCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quota counters in maps, all calls serialised; counters are never forgotten (tests are short). A sliding window keeps
 * the instant of every unit and counts those after {@code now - length}, like the real adapters.
 */
public final class InMemoryQuotaCounters implements QuotaCounters {
    private final Map<String, Long> used = new HashMap<>();
    private final Map<String, List<Instant>> units = new HashMap<>();

    @Override
    public synchronized Optional<Instant> tryAcquire(List<Window> windows, Instant now) {
        Instant blockedUntil = null;
        for (Window window : windows) {
            long used = used(window, now);
            if (!window.admits(used)) {
                Instant until = window.isSliding()
                        ? inWindow(window, now).get((int) window.mustLeave(used) - 1).plus(window.length())
                        : window.resetsAt();
                if (blockedUntil == null || until.isAfter(blockedUntil)) blockedUntil = until;
            }
        }
        if (blockedUntil != null) return Optional.of(blockedUntil);
        for (Window window : windows) {
            if (window.cost() > 0) add(window, window.cost(), now);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void add(Window window, long amount, Instant now) {
        if (window.isSliding()) {
            for (long i = 0; i < amount; i++) units.computeIfAbsent(window.counter(), c -> new ArrayList<>()).add(now);
        } else {
            used.merge(window.counter(), amount, Long::sum);
        }
    }

    @Override
    public synchronized void giveBack(List<Window> windows, Instant countedAt) {
        for (Window window : windows) {
            for (long i = 0; i < window.cost(); i++) {
                if (window.isSliding()) {
                    units.getOrDefault(window.counter(), new ArrayList<>()).remove(countedAt);
                } else {
                    used.computeIfPresent(window.counter(), (c, n) -> Math.max(0, n - 1));
                }
            }
        }
    }

    @Override
    public synchronized Map<String, Long> usage(List<Window> windows, Instant now) {
        Map<String, Long> result = new HashMap<>();
        for (Window window : windows) result.put(window.counter(), used(window, now));
        return result;
    }

    private long used(Window window, Instant now) {
        return window.isSliding() ? inWindow(window, now).size() : used.getOrDefault(window.counter(), 0L);
    }

    /** The units after {@code now - length}, oldest first. */
    private List<Instant> inWindow(Window window, Instant now) {
        Instant from = now.minus(window.length());
        return units.getOrDefault(window.counter(), List.of()).stream().filter(t -> t.isAfter(from)).sorted().toList();
    }
}
