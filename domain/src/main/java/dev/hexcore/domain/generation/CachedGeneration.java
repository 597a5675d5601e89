package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.Objects;

/**
 * One cached answer: the text (JSON text for structured requests) and who produced it. Only answers of quality
 * {@link ResultQuality#OK} are cached; errors and partial results never are.
 */
public record CachedGeneration(String provider, String model, String text, TokenUsage usage, Instant createdAt) {
    public CachedGeneration {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.NONE : usage;
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
