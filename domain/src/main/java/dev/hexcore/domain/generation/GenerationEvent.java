package dev.hexcore.domain.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one gateway call did, for analytics ({@code ai_generation_events}). A structured generation records one event
 * per step (its first call, then each repair round). Never carries a key's secret.
 *
 * @param provider    the provider that answered, or the last one tried when the call failed (the primary if none was)
 * @param keyId       the id of the key used for the answering call; null for keyless providers and cache hits
 * @param latency     wall time of the whole gateway call
 * @param upstream    the part of {@code latency} spent inside provider calls; the rest is the gateway's own time
 *                    (cache, key pool, validation, bookkeeping) plus any wait for a cooling key
 * @param attempts    upstream calls this call made (0 for a cache hit)
 * @param repairs     which repair round this call is: 0 for a first call, n when it sent a structured answer back
 *                    with its validation error codes for the n-th time
 * @param quality     the result's quality ({@code needs_review} for a structured answer with validation errors), or
 *                    null when the call failed
 * @param errorCodes  every failure met on the way, in order ({@link ProviderFailure.Kind} names, gateway codes such
 *                    as {@code NO_KEY_AVAILABLE}, validation codes such as {@code SCHEMA_INVALID} or a validator's
 *                    {@code WORD_MISSING}; a repair round's list starts with the codes of the steps before it), then,
 *                    when the call failed, the code it failed with ({@code MODEL_UNAVAILABLE},
 *                    {@code MODEL_BAD_RESPONSE}, ...); may be non-empty on success
 * @param usage       tokens this call consumed upstream ({@link TokenUsage#NONE} for a cache hit)
 */
public record GenerationEvent(String operation, GenerationKind kind, String provider, String model, String keyId,
                              Duration latency, Duration upstream, int attempts, int repairs, GenerationMode mode, ResultQuality quality,
                              List<String> errorCodes, TokenUsage usage, boolean cacheHit, Instant occurredAt) {
    public GenerationEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        errorCodes = List.copyOf(errorCodes);
        usage = usage == null ? TokenUsage.NONE : usage;
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(latency, "latency");
        upstream = upstream == null ? Duration.ZERO : upstream;
    }

    /** {@link #latency} in whole milliseconds. */
    public long latencyMs() {
        return latency.toMillis();
    }

    public boolean succeeded() {
        return quality != null;
    }
}
