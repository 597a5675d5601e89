package dev.hexcore.application.generation;

import java.time.Duration;

/**
 * How the gateway paces upstream calls.
 *
 * @param callTimeout     the most one upstream call may take (less when the request's deadline is nearer)
 * @param retryBackoff    the wait before retrying a transient failure; multiplied by the attempt number
 * @param maxKeySwitches  how many times one model may be retried with another key after key-related failures
 */
public record GatewaySettings(Duration callTimeout, Duration retryBackoff, int maxKeySwitches) {
    public static GatewaySettings defaults() {
        return new GatewaySettings(Duration.ofSeconds(30), Duration.ofMillis(250), 5);
    }
}
