package dev.hexcore.domain.quota;

import java.time.Duration;

/**
 * The generic cell rate algorithm on one stored value, the theoretical arrival time (TAT, microseconds).
 * The Redis adapter runs the same arithmetic in Lua; the contract test holds both to it.
 */
public final class Gcra {
    /** The decision and the TAT to store (unchanged when the request is refused). */
    public record Result(RateLimitDecision decision, long newTat) {
    }

    /** A {@link #lease}: how many requests were counted, the decision after counting them, and the TAT to store. */
    public record Lease(RateLimitGrant grant, long newTat) {
    }

    private Gcra() {
    }

    /**
     * @param storedTat the stored TAT, or {@code 0} when none is stored
     * @param nowMicros current time in microseconds
     */
    public static Result check(long storedTat, long nowMicros, RateLimitPolicy policy) {
        return check(storedTat, nowMicros, policy, 1);
    }

    /**
     * @param cost how many requests this check counts: 1 to acquire, 0 to peek (a peek is refused exactly when the
     *             next acquire would be)
     */
    public static Result check(long storedTat, long nowMicros, RateLimitPolicy policy, int cost) {
        if (cost < 0 || cost > 1) throw new IllegalArgumentException("cost must be 0 or 1");
        Lease counted = count(storedTat, nowMicros, policy, cost);
        return new Result(counted.grant().decision(), counted.newTat());
    }

    /**
     * Counts as many requests as the budget holds now, at most {@code wanted} (at least 1), in one step; refused, with
     * nothing counted, exactly when a single acquire would be. {@code remaining} is what is left after the grant.
     */
    public static Lease lease(long storedTat, long nowMicros, RateLimitPolicy policy, long wanted) {
        if (wanted < 1) throw new IllegalArgumentException("wanted must be at least 1");
        return count(storedTat, nowMicros, policy, wanted);
    }

    private static Lease count(long storedTat, long nowMicros, RateLimitPolicy policy, long wanted) {
        long interval = policy.emissionIntervalMicros();
        long burst = interval * policy.limit();
        long tat = Math.max(storedTat, nowMicros);
        long allowAt = tat + interval - burst;
        long diff = nowMicros - allowAt;
        if (diff < 0) {
            Duration retry = Duration.ofNanos(-diff * 1_000);
            Duration reset = Duration.ofNanos((tat - nowMicros) * 1_000);
            return new Lease(new RateLimitGrant(new RateLimitDecision(false, policy.limit(), 0, reset, retry), 0), storedTat);
        }
        long available = Math.min(policy.limit(), diff / interval + 1);
        long granted = Math.min(wanted, available);
        long newTat = tat + interval * granted;
        Duration reset = Duration.ofNanos((newTat - nowMicros) * 1_000);
        RateLimitDecision decision = new RateLimitDecision(true, policy.limit(), available - granted, reset, Duration.ZERO);
        return new Lease(new RateLimitGrant(decision, granted), newTat);
    }
}
