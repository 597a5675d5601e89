package dev.hexcore.domain.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counters of quota windows, changed atomically and (in the real implementation) shared by every replica. A window is
 * either
 * <ul>
 *   <li><b>fixed</b>: its {@code counter} includes the window's start, so a new window is a new counter and nothing has
 *   to be reset; it ends at {@code resetsAt} and is forgotten some time after; or</li>
 *   <li><b>sliding</b>: its {@code counter} names the quota only (no start) and remembers when each unit was counted;
 *   at {@code now} it holds the units counted in the half-open interval {@code (now - length, now]} (and any counted
 *   with a later {@code now} by a caller whose clock runs ahead, which makes it refuse sooner, never later).</li>
 * </ul>
 * Time is always the caller's {@code now}, never the store's clock.
 */
public interface QuotaCounters {
    /**
     * One window: {@code counter} (unique per scope and quota, plus the window start for a fixed window) admits
     * {@code limit} units and a request costs {@code cost} units. A window admits a request while
     * {@code used + max(cost, 1) <= limit}: a cost of 0 only checks that some headroom is left (tokens per minute,
     * whose cost is known only after the call and counted with {@link #add}). A fixed window has {@code resetsAt} and
     * no {@code length}; a sliding one has {@code length} and no {@code resetsAt}.
     */
    record Window(String counter, Instant resetsAt, Duration length, long limit, long cost) {
        public Window {
            Objects.requireNonNull(counter, "counter");
            if ((resetsAt == null) == (length == null)) {
                throw new IllegalArgumentException("a window is either fixed (resetsAt) or sliding (length): " + counter);
            }
            if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
            if (cost < 0) throw new IllegalArgumentException("cost must not be negative");
            if (length != null) {
                if (length.toNanos() < 1_000) throw new IllegalArgumentException("a sliding window lasts at least 1 µs");
                if (Math.max(cost, 1) > limit) {
                    throw new IllegalArgumentException("sliding window " + counter + " of limit " + limit
                            + " could never admit a request of cost " + cost);
                }
            }
        }

        /** A fixed window ending at {@code resetsAt}. */
        public Window(String counter, Instant resetsAt, long limit, long cost) {
            this(counter, resetsAt, null, limit, cost);
        }

        /** A fixed window ending at {@code resetsAt}. */
        public static Window fixed(String counter, Instant resetsAt, long limit, long cost) {
            return new Window(counter, resetsAt, null, limit, cost);
        }

        /**
         * A sliding window of {@code length}: at {@code now} it admits a request when fewer than
         * {@code limit - max(cost, 1) + 1} units were counted in {@code (now - length, now]}. A unit counted at
         * {@code t} leaves it at {@code t + length}. Requires {@code max(cost, 1) <= limit} (otherwise it could never
         * admit).
         */
        public static Window sliding(String counter, Duration length, long limit, long cost) {
            return new Window(counter, null, Objects.requireNonNull(length, "length"), limit, cost);
        }

        public boolean isSliding() {
            return length != null;
        }

        /** Whether a window holding {@code used} units admits one more request. */
        public boolean admits(long used) {
            return used + Math.max(cost, 1) <= limit;
        }

        /**
         * For a sliding window holding {@code used > limit - max(cost, 1)} units: how many of the oldest must leave
         * before it admits the request; the request is admitted again when the {@code n}-th oldest unit leaves.
         */
        public long mustLeave(long used) {
            return used + Math.max(cost, 1) - limit;
        }
    }

    /**
     * If every window admits the request, counts each window's cost in it (in a sliding window: {@code cost} units at
     * {@code now}) and returns empty; otherwise changes nothing and returns when the request could be admitted again
     * as far as these windows are concerned: the latest, among the windows that refused, of a fixed window's
     * {@code resetsAt} and of the moment enough units leave a sliding window (the oldest unit's time plus
     * {@code length} when the request costs 1 and the window is full). All or nothing, atomic with respect to every
     * other call.
     */
    Optional<Instant> tryAcquire(List<Window> windows, Instant now);

    /**
     * Undoes one {@link #tryAcquire}{@code (windows, countedAt)} that counted (returned empty): each window's
     * {@code cost} is taken back, from a sliding window as {@code cost} units counted at exactly {@code countedAt}
     * (units of one instant count alike), from a fixed one down to no less than zero. The caller must only give back
     * what it counted. A store that cannot tell whether it counted that acquire itself (a remote store whose acquire
     * may have been answered by a fallback) gives nothing back: the request stays counted, over and never under. This
     * default gives nothing back.
     */
    default void giveBack(List<Window> windows, Instant countedAt) {
        // nothing is given back: the request stays counted
    }

    /**
     * Adds {@code amount} to the window whatever its limit (tokens reported after a call); at {@code now} if sliding.
     * Best-effort bookkeeping that must not delay the call reporting it: a remote store may return before the amount
     * has landed, which it does within about one round trip (later calls may not see it yet).
     */
    void add(Window window, long amount, Instant now);

    /**
     * The units each window holds at {@code now}, by counter (0 for a counter never touched or already forgotten): a
     * fixed window's total, a sliding window's units counted after {@code now - length}.
     */
    Map<String, Long> usage(List<Window> windows, Instant now);

    /** The resolution of sliding windows: instants are truncated to whole microseconds. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** The instant of {@code micros} microseconds after the epoch. */
    static Instant instantOfMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
