package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.shared.Sha256;
import java.util.Optional;

/**
 * Response-cache keys: SHA-256 hex of the chain's primary provider and model and the normalised request (kind,
 * system, messages, canonical schema, temperature, output-token limit). The operation and the mode are left out: the
 * same question asked by two features has the same answer, and only answers of quality OK are cached whatever the
 * mode. Image requests are not cached (no key).
 */
final class CacheKeys {
    private CacheKeys() {
    }

    static Optional<String> of(ModelRequest request) {
        if (request.kind() == GenerationKind.IMAGE || !request.cache().enabled()) return Optional.empty();
        ModelRef primary = request.primary();
        StringBuilder normalised = new StringBuilder()
                .append("v1\n")
                .append(field(primary.provider()))
                .append(field(primary.model()))
                .append(field(request.kind().name()))
                .append(field(request.system() == null ? "" : request.system().strip()));
        for (ChatMessage message : request.messages()) {
            normalised.append(field(message.role().name())).append(field(message.text().strip()));
        }
        normalised.append(field(CanonicalJson.of(request.jsonSchema())))
                .append(field(String.valueOf(request.temperature())))
                .append(field(String.valueOf(request.maxOutputTokens())));
        return Optional.of(Sha256.hex(normalised.toString()));
    }

    /** Length-prefixed, so no two different requests normalise to the same text. */
    private static String field(String value) {
        return value.length() + ":" + value + "\n";
    }
}
