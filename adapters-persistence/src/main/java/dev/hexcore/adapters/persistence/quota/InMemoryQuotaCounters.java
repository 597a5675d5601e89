package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.QuotaCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link QuotaCounters} for one process: a map of fixed-window counters and one of sliding-window timelines (units per
 * microsecond at which they were counted), every call serialised on one lock, so a check of several windows and their
 * increments are one atomic step, with the same semantics as {@link RedisQuotaCounters}. Not shared between replicas:
 * the embedded default and the fallback of {@link RedisQuotaCounters}. A fixed counter is forgotten
 * {@link #FORGET_AFTER} after its window resets (as the Redis keys expire), a sliding one's units a window's length
 * after they left it (so callers whose {@code now} lags a little still see them); swept at most once a minute.
 *
 * <p>Not a CDI bean: the bootstrap module produces the counters it selects.
 */
public final class InMemoryQuotaCounters implements QuotaCounters {
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private record Count(long used, Instant forgetAt) {
    }

    /**
     * The units of one sliding window by the microsecond they were counted at. Units stay one more {@code length}
     * after they left the window, so a caller whose {@code now} lags behind another's (threads, replicas) still sees
     * every unit of its own window; {@code live} is the number of units after the latest cutoff seen, so an in-order
     * call costs O(1) amortised.
     */
    private static final class Timeline {
        private final TreeMap<Long, Long> units = new TreeMap<>();
        private long length;
        /** The latest {@code now - length} seen: units at or before it were counted out of {@link #live}. */
        private long cutoff = Long.MIN_VALUE;
        private long live;

        /** The units counted in {@code (now - length, +inf)}. */
        long used(long now) {
            long from = now - length;
            if (from >= cutoff) {
                for (Long unit : units.subMap(cutoff, false, from, true).values()) live -= unit;
                cutoff = from;
                units.headMap(from - length, true).clear();
                return live;
            }
            long lagging = 0;
            for (Long unit : units.subMap(from, false, cutoff, true).values()) lagging += unit;
            return live + lagging;
        }

        void add(long at, long amount) {
            units.merge(at, amount, Long::sum);
            if (at > cutoff) live += amount;
        }

        /** Takes back up to {@code amount} units counted at exactly {@code at}. */
        void remove(long at, long amount) {
            Long held = units.get(at);
            if (held == null) return;
            long removed = Math.min(held, amount);
            if (held == removed) {
                units.remove(at);
            } else {
                units.put(at, held - removed);
            }
            if (at > cutoff) live -= removed;
        }

        /** When the {@code n}-th oldest unit of the window at {@code now} leaves it (micros). */
        long leaves(long now, long n) {
            long seen = 0;
            for (Map.Entry<Long, Long> entry : units.tailMap(now - length, false).entrySet()) {
                seen += entry.getValue();
                if (seen >= n) return entry.getKey() + length;
            }
            throw new IllegalStateException("fewer than " + n + " units in the window");
        }

        boolean isEmpty() {
            return units.isEmpty();
        }
    }

    private final Map<String, Count> counts = new HashMap<>();
    private final Map<String, Timeline> timelines = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    @Override
    public synchronized Optional<Instant> tryAcquire(List<Window> windows, Instant now) {
        sweepIfDue(now);
        long micros = QuotaCounters.micros(now);
        Instant refusedUntil = null;
        for (Window window : windows) {
            Instant until = null;
            if (window.isSliding()) {
                Timeline timeline = timeline(window);
                long used = timeline.used(micros);
                if (!window.admits(used)) {
                    until = QuotaCounters.instantOfMicros(timeline.leaves(micros, window.mustLeave(used)));
                }
            } else if (!window.admits(used(window.counter()))) {
                until = window.resetsAt();
            }
            if (until != null && (refusedUntil == null || until.isAfter(refusedUntil))) refusedUntil = until;
        }
        if (refusedUntil != null) return Optional.of(refusedUntil);
        for (Window window : windows) {
            if (window.cost() > 0) increment(window, window.cost(), micros);
        }
        return Optional.empty();
    }

    /** Exact: this store answers every acquire itself. */
    @Override
    public synchronized void giveBack(List<Window> windows, Instant countedAt) {
        long micros = QuotaCounters.micros(countedAt);
        for (Window window : windows) {
            if (window.cost() <= 0) continue;
            if (window.isSliding()) {
                Timeline timeline = timelines.get(window.counter());
                if (timeline != null) timeline.remove(micros, window.cost());
            } else {
                Count count = counts.get(window.counter());
                if (count != null) counts.put(window.counter(), new Count(Math.max(0, count.used() - window.cost()), count.forgetAt()));
            }
        }
    }

    @Override
    public synchronized void add(Window window, long amount, Instant now) {
        sweepIfDue(now);
        if (amount > 0) increment(window, amount, QuotaCounters.micros(now));
    }

    @Override
    public synchronized Map<String, Long> usage(List<Window> windows, Instant now) {
        long micros = QuotaCounters.micros(now);
        Map<String, Long> usage = new LinkedHashMap<>();
        for (Window window : windows) {
            if (window.isSliding()) {
                Timeline timeline = timelines.get(window.counter());
                usage.put(window.counter(), timeline == null ? 0 : timeline.used(micros));
            } else {
                usage.put(window.counter(), used(window.counter()));
            }
        }
        return usage;
    }

    /** How many counters are held now. */
    synchronized int size() {
        return counts.size() + timelines.size();
    }

    private long used(String counter) {
        Count count = counts.get(counter);
        return count == null ? 0 : count.used();
    }

    /** The window's timeline (created empty if new). */
    private Timeline timeline(Window window) {
        Timeline timeline = timelines.computeIfAbsent(window.counter(), c -> new Timeline());
        timeline.length = window.length().toNanos() / 1_000;
        return timeline;
    }

    private void increment(Window window, long amount, long now) {
        if (window.isSliding()) {
            timeline(window).add(now, amount);
        } else {
            counts.put(window.counter(), new Count(used(window.counter()) + amount, window.resetsAt().plus(FORGET_AFTER)));
        }
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) return;
        nextSweep = now.plus(SWEEP_EVERY);
        counts.values().removeIf(count -> !count.forgetAt().isAfter(now));
        long micros = QuotaCounters.micros(now);
        timelines.values().removeIf(timeline -> {
            timeline.used(micros);
            return timeline.isEmpty();
        });
    }
}
