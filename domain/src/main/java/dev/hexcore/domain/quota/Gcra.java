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
        long interval = policy.emissionIntervalMicros();
        long burst = interval * policy.limit();
        long tat = Math.max(storedTat, nowMicros);
        long newTat = tat + interval * cost;
        long allowAt = tat + interval - burst;
        long diff = nowMicros - allowAt;
        if (diff < 0) {
            Duration retry = Duration.ofNanos(-diff * 1_000);
            Duration reset = Duration.ofNanos((tat - nowMicros) * 1_000);
            return new Result(new RateLimitDecision(false, policy.limit(), 0, reset, retry), storedTat);
        }
        long remaining = Math.min(policy.limit() - cost, diff / interval + 1 - cost);
        Duration reset = Duration.ofNanos((newTat - nowMicros) * 1_000);
        return new Result(new RateLimitDecision(true, policy.limit(), remaining, reset, Duration.ZERO), newTat);
    }
}
