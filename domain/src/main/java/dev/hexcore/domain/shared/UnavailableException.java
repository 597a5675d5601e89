package dev.hexcore.domain.shared;

import java.time.Duration;

/**
 * Something the call needs does not answer now (a model, the store of a feature), and trying again later may work.
 * Mapped to 503 with {@code Retry-After}: {@link #retryAfter()} when someone knows, else a short default (ADR 0030).
 */
public class UnavailableException extends DomainException {
    private final Duration retryAfter;

    public UnavailableException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    /** How long until it is expected to answer again, or null when nobody knows. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
