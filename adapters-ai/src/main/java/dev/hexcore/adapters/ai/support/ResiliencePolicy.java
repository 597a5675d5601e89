package dev.hexcore.adapters.ai.support;

import java.time.Duration;
import java.util.Objects;

/**
 * How a provider adapter protects itself and its upstream: retries of {@link
 * dev.hexcore.domain.generation.ProviderFailure.Kind#TRANSIENT TRANSIENT} failures with exponential backoff and
 * jitter, and one circuit breaker per provider and model.
 *
 * @param maxRetries          retries after the first attempt (TRANSIENT failures only)
 * @param retryDelay          delay before the first retry; doubles with each further retry
 * @param maxRetryDelay       upper bound of the backoff
 * @param retryJitter         random offset (±) added to each delay; must be smaller than {@code retryDelay}
 * @param breakerWindow       calls in the rolling window the circuit breaker judges
 * @param breakerFailureRatio share of failed calls (TRANSIENT, OVERLOADED, TIMEOUT) in the window that opens it
 * @param breakerOpenFor      how long the circuit stays open before a trial call
 */
public record ResiliencePolicy(int maxRetries, Duration retryDelay, Duration maxRetryDelay, Duration retryJitter,
                               int breakerWindow, double breakerFailureRatio, Duration breakerOpenFor) {
    public ResiliencePolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(retryJitter, "retryJitter");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (retryJitter.compareTo(retryDelay) >= 0 && !retryJitter.isZero()) {
            throw new IllegalArgumentException("retryJitter must be smaller than retryDelay");
        }
        if (breakerWindow < 1) throw new IllegalArgumentException("breakerWindow must be >= 1");
        if (breakerFailureRatio <= 0 || breakerFailureRatio > 1) {
            throw new IllegalArgumentException("breakerFailureRatio must be in (0, 1]");
        }
    }

    /**
     * Two retries from 300 ms (±100 ms) up to 3 s; the circuit opens when 15 of the last 20 calls failed, for 30 s. The
     * circuit is there for a model that is down, not one that is flaky: with half of 10 calls it opened by chance at a
     * 30 % fault rate (bench/faults.sh, ADR 0030; a window of 10 holds 5 failures with probability 0.15 there), turning
     * answers a retry would have got into 30 s of 503s, while a model that fails every call still opens it once the
     * window is full (20 calls). At 30 % faults 15 of 20 happens with probability 4e-5 per window.
     */
    public static ResiliencePolicy defaults() {
        return new ResiliencePolicy(2, Duration.ofMillis(300), Duration.ofSeconds(3), Duration.ofMillis(100),
                20, 0.75, Duration.ofSeconds(30));
    }
}
