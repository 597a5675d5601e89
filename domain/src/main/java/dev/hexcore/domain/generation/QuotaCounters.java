package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counters of fixed quota windows, changed atomically and (in the real implementation) shared by every replica.
 * A window is named by its {@code counter}, which includes the window's start, so a new window is a new counter and
 * nothing has to be reset; a counter is forgotten some time after {@code resetsAt}.
 */
public interface QuotaCounters {
    /**
     * One fixed window: {@code counter} (unique per scope, quota and window start) ends at {@code resetsAt}, admits
     * {@code limit} units and a request costs {@code cost} units. A window admits a request while
     * {@code used + max(cost, 1) <= limit}: a cost of 0 only checks that some headroom is left (tokens per minute,
     * whose cost is known only after the call and counted with {@link #add}).
     */
    record Window(String counter, Instant resetsAt, long limit, long cost) {
        public Window {
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(resetsAt, "resetsAt");
            if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
            if (cost < 0) throw new IllegalArgumentException("cost must not be negative");
        }

        /** Whether a window holding {@code used} units admits one more request. */
        public boolean admits(long used) {
            return used + Math.max(cost, 1) <= limit;
        }
    }

    /**
     * If every window admits the request, adds each window's cost to it and returns empty; otherwise changes nothing
     * and returns when the request could be admitted again as far as these windows are concerned: the latest
     * {@code resetsAt} among the windows that refused. All or nothing, atomic with respect to every other call.
     */
    Optional<Instant> tryAcquire(List<Window> windows, Instant now);

    /** Adds {@code amount} to the window whatever its limit (tokens reported after a call). */
    void add(Window window, long amount, Instant now);

    /** The units used in each named counter (0 for a counter never touched or already forgotten). */
    Map<String, Long> usage(List<String> counters);
}
