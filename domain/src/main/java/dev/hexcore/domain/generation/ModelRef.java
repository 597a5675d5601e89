package dev.hexcore.domain.generation;

import java.util.Objects;

/** One model of one provider: {@code gemini/gemini-2.5-flash}, {@code groq/llama-3.3-70b-versatile}, {@code offline/offline}. */
public record ModelRef(String provider, String model) {
    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** Parses {@code provider/model}. */
    public static ModelRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) throw new IllegalArgumentException("expected provider/model, got " + text);
        return new ModelRef(text.substring(0, slash).strip(), text.substring(slash + 1).strip());
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
