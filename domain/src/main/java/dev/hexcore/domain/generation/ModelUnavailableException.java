package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.UnavailableException;
import java.time.Duration;

/**
 * No model of the chain could answer in time: keys cooling down past the deadline, models overloaded or retired,
 * repeated transient failures. Mapped to 503 with {@code Retry-After} = {@link #retryAfter()} when known.
 */
public class ModelUnavailableException extends UnavailableException {
    public static final String CODE = "MODEL_UNAVAILABLE";

    /** @param retryAfter how long until the earliest key or model is expected to recover, or null when nobody knows */
    public ModelUnavailableException(String message, Duration retryAfter) {
        super(CODE, message, retryAfter);
    }
}
