package dev.hexcore.application.generation;

import java.time.Duration;

/**
 * How the gateway paces upstream calls.
 *
 * @param callTimeout     the most one upstream call may take (less when the request's deadline is nearer)
 * @param retryBackoff    the wait before retrying a transient failure; multiplied by the attempt number
 * @param maxKeySwitches  how many times one model may be retried with another key after key-related failures
 * @param minCallTime     a key is taken (or waited for) only while at least this much of the deadline is left: a call
 *                        started later would most likely time out after the provider had already counted it against
 *                        the quota
 * @param modes           attempts and repair rounds per generation mode
 */
public record GatewaySettings(Duration callTimeout, Duration retryBackoff, int maxKeySwitches, Duration minCallTime,
                              GenerationModes modes) {
    public GatewaySettings {
        if (minCallTime == null || minCallTime.isNegative()) throw new IllegalArgumentException("minCallTime must be zero or more");
        if (modes == null) throw new IllegalArgumentException("modes are required");
    }

    /** With the default modes. */
    public GatewaySettings(Duration callTimeout, Duration retryBackoff, int maxKeySwitches, Duration minCallTime) {
        this(callTimeout, retryBackoff, maxKeySwitches, minCallTime, GenerationModes.defaults());
    }

    /** Without a minimum call time: a key is taken whenever any of the deadline is left. */
    public GatewaySettings(Duration callTimeout, Duration retryBackoff, int maxKeySwitches) {
        this(callTimeout, retryBackoff, maxKeySwitches, Duration.ZERO);
    }

    public static GatewaySettings defaults() {
        return new GatewaySettings(Duration.ofSeconds(30), Duration.ofMillis(250), 5, Duration.ofSeconds(1));
    }
}
