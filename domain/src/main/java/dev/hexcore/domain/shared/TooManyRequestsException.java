package dev.hexcore.domain.shared;

import java.time.Duration;

/** A throttle refused the call; {@link #retryAfter()} says when it may be tried again. */
public class TooManyRequestsException extends DomainException {
    private final Duration retryAfter;

    public TooManyRequestsException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
