package dev.hexcore.domain.generation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer. {@code provider} always names who produced it ("offline" for the offline provider), so an
 * offline answer is never mistaken for a model's.
 *
 * @param text      the answer of a text or chat request, null otherwise
 * @param json      the JSON text of a structured request (schema-valid when {@code quality} is OK), null otherwise
 * @param images    the images of an image request, empty otherwise
 * @param keyId     the id of the key used, null for keyless providers and cache hits
 * @param usage     tokens this call consumed upstream, repairs included ({@link TokenUsage#NONE} for a cache hit)
 * @param attempts  upstream calls made (0 for a cache hit)
 * @param repairs   repair rounds used
 * @param latency   wall time of the whole gateway call
 */
public record ModelResult(String text, String json, List<ImageData> images, String provider, String model, String keyId,
                          TokenUsage usage, int attempts, int repairs, ResultQuality quality, boolean cacheHit,
                          Duration latency) {
    public ModelResult {
        images = images == null ? List.of() : List.copyOf(images);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        usage = usage == null ? TokenUsage.NONE : usage;
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(latency, "latency");
    }

    /** This result as another caller receives it when it was served without an upstream call of its own. */
    public ModelResult sharedWith(Duration latency) {
        return new ModelResult(text, json, images, provider, model, null, TokenUsage.NONE, 0, 0, quality, true, latency);
    }
}
