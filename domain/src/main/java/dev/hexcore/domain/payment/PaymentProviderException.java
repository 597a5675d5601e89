package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.DomainException;
import java.time.Duration;

/**
 * A payment provider could not do what was asked. {@link #kind()} says what the caller may do about it;
 * {@link #providerCode()} is the provider's own error code (e.g. YooKassa's {@code invalid_request}) when it gave one.
 * The message never contains credentials.
 */
public class PaymentProviderException extends DomainException {
    public enum Kind {
        /** The provider refused the request (YooKassa 400 or 404 on create): retrying the same request will not help. */
        REJECTED,
        /** The provider refused the shop's credentials (401, 403): an operator must fix the configuration. */
        CREDENTIALS,
        /** No answer, 5xx or 429 after the adapter's retries: the outcome is unknown, try again later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String providerCode;
    private final Duration retryAfter;

    public PaymentProviderException(Kind kind, String providerCode, String message, Duration retryAfter) {
        super("PAYMENT_PROVIDER_" + kind.name(), message);
        this.kind = kind;
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's error code, or null. */
    public String providerCode() {
        return providerCode;
    }

    /** How long to wait before trying again, or null when unknown (only for {@code UNAVAILABLE}). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
