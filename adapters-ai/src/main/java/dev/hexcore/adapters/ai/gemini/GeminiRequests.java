package dev.hexcore.adapters.ai.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ProviderCall;
import java.util.Base64;

/**
 * Builds a {@code generateContent} body: {@code systemInstruction}, {@code contents} with roles user/model, input
 * images as {@code inlineData} parts of the last user turn, and {@code generationConfig} with structured output
 * ({@code responseMimeType} + standard JSON Schema in {@code responseJsonSchema}) or image output
 * ({@code responseModalities: ["TEXT","IMAGE"]}).
 *
 * <p>Several output images: image models do not support {@code candidateCount > 1}, so one call is made and every
 * image part of the answer is returned; the gateway calls again when it needs more.
 */
final class GeminiRequests {
    private final ObjectMapper mapper;

    GeminiRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode body(ProviderCall call) {
        ObjectNode body = mapper.createObjectNode();
        if (call.system() != null && !call.system().isBlank()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", call.system());
        }
        ArrayNode contents = body.putArray("contents");
        ArrayNode lastUserParts = null;
        for (ChatMessage message : call.messages()) {
            ObjectNode content = contents.addObject();
            content.put("role", message.role() == ChatMessage.Role.USER ? "user" : "model");
            ArrayNode parts = content.putArray("parts");
            parts.addObject().put("text", message.text());
            if (message.role() == ChatMessage.Role.USER) lastUserParts = parts;
        }
        if (!call.images().isEmpty()) {
            if (lastUserParts == null) {
                ObjectNode content = contents.addObject();
                content.put("role", "user");
                lastUserParts = content.putArray("parts");
            }
            for (ImageData image : call.images()) {
                ObjectNode inline = lastUserParts.addObject().putObject("inlineData");
                inline.put("mimeType", image.mimeType());
                inline.put("data", Base64.getEncoder().encodeToString(image.bytes()));
            }
        }
        ObjectNode config = mapper.createObjectNode();
        if (call.temperature() != null) config.put("temperature", call.temperature());
        if (call.maxOutputTokens() != null) config.put("maxOutputTokens", call.maxOutputTokens());
        if (call.jsonSchema() != null) {
            config.put("responseMimeType", "application/json");
            config.set("responseJsonSchema", Json.schema(mapper, call.jsonSchema()));
        }
        if (call.imageOutputs() > 0) {
            config.putArray("responseModalities").add("TEXT").add("IMAGE");
        }
        if (!config.isEmpty()) body.set("generationConfig", config);
        return body;
    }
}
