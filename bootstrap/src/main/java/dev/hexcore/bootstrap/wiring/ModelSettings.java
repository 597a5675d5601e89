package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.generation.GenerationModes;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.quota.ModelKeyConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The model gateway's configuration, read from {@code hexcore.ai.*} (environment: {@code HEXCORE_AI_...}):
 * <ul>
 *   <li>{@code hexcore.ai.chains.<operation>}: comma-separated {@code provider/model} chain, primary first;
 *       {@code hexcore.ai.chains.default} for operations without their own ({@code offline/offline} unless set);</li>
 *   <li>{@code hexcore.ai.gemini.keys}: {@code id:project:secret} entries, comma-separated (project may be empty: the
 *       key is then its own project), with {@code hexcore.ai.gemini.requests-per-minute}, {@code .requests-per-day},
 *       {@code .tokens-per-minute} for each project and model, and {@code hexcore.ai.gemini.base-url};</li>
 *   <li>{@code hexcore.ai.openai-compatible.providers}: names (groq, openai, ollama, ...), each with
 *       {@code hexcore.ai.openai-compatible.<name>.base-url}, {@code .keys} ({@code id:secret} entries), the same three
 *       quota settings and {@code .structured-output} (json_schema_strict, json_schema, json_object);</li>
 *   <li>{@code hexcore.ai.modes.<fast|balanced|strict>.attempts} and {@code .repair-rounds}: what each generation
 *       mode allows (defaults 1/0, 2/1, 3/2).</li>
 * </ul>
 * Secrets come from the environment; they are never logged ({@link ModelKeyConfig#toString()} hides them).
 */
final class ModelSettings {
    static final String PREFIX = "hexcore.ai.";
    private final Config config;

    ModelSettings(Config config) {
        this.config = config;
    }

    List<ModelRef> chain(String operation) {
        String text = value("chains." + operation).or(() -> value("chains.default")).orElse("offline/offline");
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(ModelRef::parse).toList();
    }

    URI geminiBaseUrl() {
        return URI.create(value("gemini.base-url").orElse("https://generativelanguage.googleapis.com"));
    }

    List<String> openAiCompatibleProviders() {
        return list("openai-compatible.providers");
    }

    URI baseUrl(String provider) {
        return URI.create(value("openai-compatible." + provider + ".base-url").orElseThrow(() -> new IllegalStateException(
                PREFIX + "openai-compatible." + provider + ".base-url is required for provider " + provider)));
    }

    Optional<String> structuredOutput(String provider) {
        return value("openai-compatible." + provider + ".structured-output");
    }

    /** Attempts and repair rounds of the modes configured; the others keep their defaults. */
    GenerationModes modes() {
        Map<GenerationMode, GenerationModes.Limits> limits = new EnumMap<>(GenerationMode.class);
        for (GenerationMode mode : GenerationMode.values()) {
            Integer attempts = integer("modes." + mode.code() + ".attempts");
            Integer rounds = integer("modes." + mode.code() + ".repair-rounds");
            if (attempts != null || rounds != null) {
                limits.put(mode, new GenerationModes.Limits(attempts != null ? attempts : mode.attempts(),
                        rounds != null ? rounds : mode.repairRounds()));
            }
        }
        return GenerationModes.configured(limits);
    }

    /** Every configured key of every provider. */
    List<ModelKeyConfig> keys() {
        List<ModelKeyConfig> keys = new ArrayList<>();
        for (String entry : list("gemini.keys")) {
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException(PREFIX + "gemini.keys entries are id:project:secret (project may be empty)");
            }
            keys.add(key(parts[0], "gemini", parts[1].isBlank() ? null : parts[1], parts[2], "gemini."));
        }
        for (String provider : openAiCompatibleProviders()) {
            for (String entry : list("openai-compatible." + provider + ".keys")) {
                String[] parts = entry.split(":", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalStateException(PREFIX + "openai-compatible." + provider + ".keys entries are id:secret");
                }
                keys.add(key(parts[0], provider, null, parts[1], "openai-compatible." + provider + "."));
            }
        }
        return keys;
    }

    private ModelKeyConfig key(String id, String provider, String project, String secret, String quotaPrefix) {
        return new ModelKeyConfig(id.strip(), provider, project == null ? null : project.strip(), secret.strip(),
                integer(quotaPrefix + "requests-per-minute"), integer(quotaPrefix + "requests-per-day"),
                integer(quotaPrefix + "tokens-per-minute"));
    }

    private Integer integer(String name) {
        return value(name).map(String::strip).map(Integer::valueOf).orElse(null);
    }

    private List<String> list(String name) {
        return value(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(PREFIX + name, String.class).filter(v -> !v.isBlank());
    }
}
