package dev.hexcore.domain.shared;

import java.time.Duration;

/**
 * A throttle refused the call: {@link #limit()} is the budget of the policy that refused, {@link #retryAfter()} says
 * when it may be tried again.
 */
public class TooManyRequestsException extends DomainException {
    private final long limit;
    private final Duration retryAfter;

    public TooManyRequestsException(String code, String message, long limit, Duration retryAfter) {
        super(code, message);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public long limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
