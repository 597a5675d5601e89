package dev.hexcore.domain.generation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer, built by name ({@link #of}). {@code provider} always names who produced it ("offline" for the
 * offline provider), so an offline answer is never mistaken for a model's.
 *
 * <p>{@code text} is the answer of a text or chat request; {@code json} the JSON text of a structured request (valid
 * when {@code quality} is OK, the last answer when it is {@link ResultQuality#NEEDS_REVIEW}, with
 * {@code validationErrors} naming what is still wrong); {@code images} the images of an image request. {@code keyId}
 * is the key used (null for keyless providers and cache hits), {@code usage} the tokens consumed upstream, repairs
 * included, {@code attempts} the upstream calls made (0 for a cache hit), {@code repairs} the repair rounds used and
 * {@code latency} the wall time of the whole gateway call.
 */
public final class ModelResult {
    private final String text;
    private final String json;
    private final List<ImageData> images;
    private final String provider;
    private final String model;
    private final String keyId;
    private final TokenUsage usage;
    private final int attempts;
    private final int repairs;
    private final ResultQuality quality;
    private final List<String> validationErrors;
    private final boolean cacheHit;
    private final Duration latency;

    private ModelResult(Builder b) {
        text = b.text;
        json = b.json;
        images = b.images == null ? List.of() : List.copyOf(b.images);
        provider = Objects.requireNonNull(b.provider, "provider");
        model = Objects.requireNonNull(b.model, "model");
        keyId = b.keyId;
        usage = b.usage == null ? TokenUsage.NONE : b.usage;
        attempts = b.attempts;
        repairs = b.repairs;
        quality = Objects.requireNonNull(b.quality, "quality");
        validationErrors = List.copyOf(b.validationErrors);
        cacheHit = b.cacheHit;
        latency = Objects.requireNonNull(b.latency, "latency");
    }

    /** A result produced by {@code model} of {@code provider}; quality OK unless set. */
    public static Builder of(String provider, String model) {
        return new Builder(provider, model);
    }

    public Builder toBuilder() {
        return of(provider, model).text(text).json(json).images(images).keyId(keyId).usage(usage).attempts(attempts)
                .repairs(repairs).quality(quality).validationErrors(validationErrors).cacheHit(cacheHit).latency(latency);
    }

    /** This result as another caller receives it when it was served without an upstream call of its own. */
    public ModelResult sharedWith(Duration latency) {
        return toBuilder().keyId(null).usage(TokenUsage.NONE).attempts(0).repairs(0).cacheHit(true).latency(latency)
                .build();
    }

    public static final class Builder {
        private final String provider;
        private final String model;
        private String text;
        private String json;
        private List<ImageData> images;
        private String keyId;
        private TokenUsage usage;
        private int attempts;
        private int repairs;
        private ResultQuality quality = ResultQuality.OK;
        private List<String> validationErrors = List.of();
        private boolean cacheHit;
        private Duration latency = Duration.ZERO;

        private Builder(String provider, String model) {
            this.provider = provider;
            this.model = model;
        }

        public Builder text(String text) { this.text = text; return this; }
        public Builder json(String json) { this.json = json; return this; }
        public Builder images(List<ImageData> images) { this.images = images; return this; }
        public Builder keyId(String keyId) { this.keyId = keyId; return this; }
        public Builder usage(TokenUsage usage) { this.usage = usage; return this; }
        public Builder attempts(int attempts) { this.attempts = attempts; return this; }
        public Builder repairs(int repairs) { this.repairs = repairs; return this; }
        public Builder quality(ResultQuality quality) { this.quality = quality; return this; }
        public Builder validationErrors(List<String> codes) { this.validationErrors = codes; return this; }
        public Builder cacheHit(boolean cacheHit) { this.cacheHit = cacheHit; return this; }
        public Builder latency(Duration latency) { this.latency = latency; return this; }

        public ModelResult build() {
            return new ModelResult(this);
        }
    }

    public String text() { return text; }
    public String json() { return json; }
    public List<ImageData> images() { return images; }
    public String provider() { return provider; }
    public String model() { return model; }
    public String keyId() { return keyId; }
    public TokenUsage usage() { return usage; }
    public int attempts() { return attempts; }
    public int repairs() { return repairs; }
    public ResultQuality quality() { return quality; }
    /** The codes of what is still wrong with a structured answer ({@link ValidationIssue#code()}), empty when OK. */
    public List<String> validationErrors() { return validationErrors; }
    public boolean cacheHit() { return cacheHit; }
    public Duration latency() { return latency; }

    @Override
    public String toString() {
        return "ModelResult[" + provider + "/" + model + ", " + quality + ", attempts=" + attempts + ", repairs=" + repairs
                + ", cacheHit=" + cacheHit + "]";
    }
}
