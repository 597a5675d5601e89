package dev.hexcore.domain.quota;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Duration;

/**
 * {@code limit} requests per {@code period}, enforced as GCRA: a burst of up to {@code limit} is allowed, then one
 * request per {@code period / limit}. {@code name} separates the counters of different policies.
 */
public record RateLimitPolicy(String name, long limit, Duration period) {
    public RateLimitPolicy {
        if (name == null || name.isBlank()) throw new InvalidValueException("name", "policy needs a name");
        if (limit < 1) throw new InvalidValueException("limit", "must be at least 1");
        if (period.isNegative() || period.isZero()) throw new InvalidValueException("period", "must be positive");
    }

    public static RateLimitPolicy perMinute(String name, long limit) {
        return new RateLimitPolicy(name, limit, Duration.ofMinutes(1));
    }

    /** Microseconds between two requests at the sustained rate. */
    public long emissionIntervalMicros() {
        return Math.max(1, periodMicros() / limit);
    }

    public long periodMicros() {
        return period.toNanos() / 1_000;
    }
}
