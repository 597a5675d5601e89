package dev.hexcore.adapters.ai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import java.io.IOException;

/** Small JSON helpers shared by the provider adapters. */
public final class Json {
    private Json() {
    }

    /** Reads a provider body leniently: an unreadable or empty body becomes a missing node, never an exception. */
    public static JsonNode readLenient(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) return MissingNode.getInstance();
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Reads a successful answer; an unreadable one is {@link Kind#BAD_OUTPUT}. */
    public static JsonNode readAnswer(ObjectMapper mapper, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            return node;
        } catch (IOException e) {
            throw new ProviderFailure(Kind.BAD_OUTPUT, "provider answered 2xx with a body that is not a JSON object");
        }
    }

    /**
     * Parses the JSON Schema a caller gave; it must be a JSON object. Its top-level {@code examples} are left out: they
     * are the offline provider's answers, and upstream schema dialects (Gemini's, OpenAI's strict mode) refuse or
     * copy them.
     */
    public static ObjectNode schema(ObjectMapper mapper, String jsonSchema) {
        try {
            JsonNode node = mapper.readTree(jsonSchema);
            if (node instanceof ObjectNode object) {
                object.remove("examples");
                return object;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new ProviderFailure(Kind.INVALID_REQUEST, "the JSON schema of the call is not a JSON object");
    }

    /** A structured answer must at least parse as JSON; schema validation is the gateway's job. */
    public static void requireJson(ObjectMapper mapper, String text) {
        try {
            if (text == null || text.isBlank()) throw new IOException("empty");
            mapper.readTree(text);
        } catch (IOException e) {
            throw new ProviderFailure(Kind.BAD_OUTPUT, "the model's structured answer is not valid JSON");
        }
    }
}
