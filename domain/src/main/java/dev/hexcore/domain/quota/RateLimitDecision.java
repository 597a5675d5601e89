package dev.hexcore.domain.quota;

import java.time.Duration;

/**
 * Outcome of one rate-limit check. {@code resetAfter}: until the full limit is available again;
 * {@code retryAfter}: until the next request would be allowed (zero when allowed).
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration resetAfter, Duration retryAfter) {
}
