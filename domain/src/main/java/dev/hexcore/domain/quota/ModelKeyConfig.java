package dev.hexcore.domain.quota;

import dev.hexcore.domain.generation.ProviderKey;
import java.util.Objects;

/**
 * One configured provider key and its quotas. {@code project} is the provider project the key belongs to (for Gemini
 * the Google Cloud project, for Groq the organisation): keys of one project share their counters, per model. When it
 * is null or blank the key is its own project. A null limit means "no such quota". {@link #toString()} never shows
 * the secret.
 */
public record ModelKeyConfig(String id, String provider, String project, String secret, Integer requestsPerMinute,
                             Integer requestsPerDay, Integer tokensPerMinute) {
    public ModelKeyConfig {
        requireText(id, "id");
        requireText(provider, "provider");
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) throw new IllegalArgumentException("key " + id + " has a blank secret");
        project = project == null || project.isBlank() ? null : project.strip();
        requirePositive(requestsPerMinute, "requestsPerMinute", id);
        requirePositive(requestsPerDay, "requestsPerDay", id);
        requirePositive(tokensPerMinute, "tokensPerMinute", id);
    }

    /** The project whose counters this key shares: {@link #project()}, or the key itself when it names none. */
    public String quotaProject() {
        return project != null ? project : "key:" + id;
    }

    /** The credential handed to the provider adapter. */
    public ProviderKey providerKey() {
        return new ProviderKey(id, secret);
    }

    @Override
    public String toString() {
        return "ModelKeyConfig[id=" + id + ", provider=" + provider + ", project=" + project + ", requestsPerMinute="
                + requestsPerMinute + ", requestsPerDay=" + requestsPerDay + ", tokensPerMinute=" + tokensPerMinute + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("key " + name + " is required");
    }

    private static void requirePositive(Integer value, String name, String id) {
        if (value != null && value < 1) throw new IllegalArgumentException("key " + id + ": " + name + " must be at least 1");
    }
}
