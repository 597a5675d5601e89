package dev.hexcore.adapters.ai.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import java.util.Base64;

/**
 * Builds a {@code chat/completions} body: the system instruction as a system message, input images as
 * {@code image_url} data-URL parts of the last user message, and {@code response_format} per {@link StructuredOutput}.
 */
final class OpenAiRequests {
    private final ObjectMapper mapper;
    private final StructuredOutput structuredOutput;

    OpenAiRequests(ObjectMapper mapper, StructuredOutput structuredOutput) {
        this.mapper = mapper;
        this.structuredOutput = structuredOutput;
    }

    ObjectNode body(ProviderCall call) {
        if (call.imageOutputs() > 0) {
            throw new ProviderFailure(Kind.INVALID_REQUEST, "chat completions cannot produce images");
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("model", call.model());
        ArrayNode messages = body.putArray("messages");
        String system = systemText(call);
        if (system != null) messages.addObject().put("role", "system").put("content", system);
        int lastUser = lastUserIndex(call);
        for (int i = 0; i < call.messages().size(); i++) {
            ChatMessage message = call.messages().get(i);
            ObjectNode node = messages.addObject();
            node.put("role", message.role() == ChatMessage.Role.USER ? "user" : "assistant");
            if (i == lastUser && !call.images().isEmpty()) {
                ArrayNode parts = node.putArray("content");
                parts.addObject().put("type", "text").put("text", message.text());
                addImages(parts, call);
            } else {
                node.put("content", message.text());
            }
        }
        if (lastUser < 0 && !call.images().isEmpty()) {
            addImages(messages.addObject().put("role", "user").putArray("content"), call);
        }
        if (call.temperature() != null) body.put("temperature", call.temperature());
        if (call.maxOutputTokens() != null) body.put("max_completion_tokens", call.maxOutputTokens());
        if (call.jsonSchema() != null) body.set("response_format", responseFormat(call.jsonSchema()));
        return body;
    }

    private String systemText(ProviderCall call) {
        String system = call.system() == null || call.system().isBlank() ? null : call.system();
        if (call.jsonSchema() == null || structuredOutput != StructuredOutput.JSON_OBJECT) return system;
        String schemaNote = "Reply with one JSON object that satisfies this JSON Schema:\n"
                + Json.schema(mapper, call.jsonSchema());
        return system == null ? schemaNote : system + "\n\n" + schemaNote;
    }

    private ObjectNode responseFormat(String jsonSchema) {
        ObjectNode format = mapper.createObjectNode();
        if (structuredOutput == StructuredOutput.JSON_OBJECT) {
            return format.put("type", "json_object");
        }
        ObjectNode schema = Json.schema(mapper, jsonSchema);
        format.put("type", "json_schema");
        ObjectNode wrapper = format.putObject("json_schema");
        wrapper.put("name", schemaName(schema));
        wrapper.put("strict", structuredOutput == StructuredOutput.JSON_SCHEMA_STRICT);
        wrapper.set("schema", schema);
        return format;
    }

    /** OpenAI wants a name matching {@code ^[a-zA-Z0-9_-]{1,64}$}: the schema's title when it has one. */
    private static String schemaName(ObjectNode schema) {
        String title = schema.path("title").asText("").replaceAll("[^a-zA-Z0-9_-]", "_");
        if (title.isEmpty()) return "response";
        return title.length() > 64 ? title.substring(0, 64) : title;
    }

    private static int lastUserIndex(ProviderCall call) {
        for (int i = call.messages().size() - 1; i >= 0; i--) {
            if (call.messages().get(i).role() == ChatMessage.Role.USER) return i;
        }
        return -1;
    }

    private static void addImages(ArrayNode parts, ProviderCall call) {
        for (ImageData image : call.images()) {
            parts.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", "data:" + image.mimeType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes()));
        }
    }
}
