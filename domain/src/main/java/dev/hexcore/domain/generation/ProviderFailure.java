package dev.hexcore.domain.generation;

import java.time.Duration;

/**
 * A provider call failed, classified so the gateway knows what to do with the key and the model chain (see
 * ../shared/reference/wire-formats.md). Messages never contain the key's secret.
 */
public class ProviderFailure extends RuntimeException {
    public enum Kind {
        /** Per-minute quota hit: cool the key (project and model) for {@code retryAfter}. */
        RATE_LIMITED_MINUTE,
        /** Per-day quota hit: park the key until the provider's day boundary. */
        RATE_LIMITED_DAY,
        /** A 429 without details: short backoff ({@code retryAfter} when the provider said). */
        RATE_LIMITED,
        /** Invalid or forbidden key (400 API_KEY_INVALID, 401, 403): disable the key, do not retry. */
        KEY_INVALID,
        /** Billing quota exhausted (OpenAI insufficient_quota): disable the key. */
        BILLING_QUOTA,
        /** The model is overloaded (503) or capacity exceeded: back off, then the next model. */
        OVERLOADED,
        /** The model does not exist any more (404): the next model in the chain. */
        MODEL_UNAVAILABLE,
        /** No usable answer: no candidates, blocked prompt, non-STOP finish reason, no image. */
        BLOCKED,
        /** The answer could not be read (malformed JSON from the model, json_validate_failed). */
        BAD_OUTPUT,
        /** No answer within the call's timeout. */
        TIMEOUT,
        /** Network error or 5xx: retry with backoff. */
        TRANSIENT,
        /** The request itself was refused (400 other than a bad key): do not retry. */
        INVALID_REQUEST
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final String providerCode;

    public ProviderFailure(Kind kind, String message, Duration retryAfter, String providerCode) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.providerCode = providerCode;
    }

    public ProviderFailure(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() { return kind; }

    /** How long the provider asked to wait, or null. */
    public Duration retryAfter() { return retryAfter; }

    /** The provider's own error code or status ("RESOURCE_EXHAUSTED", "json_validate_failed"), or null. */
    public String providerCode() { return providerCode; }
}
