package dev.hexcore.adapters.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a 200 {@code generateContent} answer. Parts marked {@code "thought": true} are skipped; no candidates (a blocked
 * prompt), a finish reason other than STOP, an answer with nothing but thoughts, or no image when images were asked
 * for are {@link Kind#BLOCKED}; a structured answer that does not parse as JSON is {@link Kind#BAD_OUTPUT}.
 */
final class GeminiReplies {
    private final ObjectMapper mapper;

    GeminiReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ProviderReply read(ProviderCall call, String body) {
        JsonNode root = Json.readAnswer(mapper, body);
        JsonNode candidates = root.path("candidates");
        if (!candidates.isArray() || candidates.isEmpty()) {
            String blockReason = root.path("promptFeedback").path("blockReason").asText(null);
            throw new ProviderFailure(Kind.BLOCKED, blockReason == null ? "no candidates in the answer"
                    : "prompt blocked: " + blockReason, null, blockReason);
        }
        JsonNode candidate = candidates.get(0);
        String finishReason = candidate.path("finishReason").asText("");
        if (!"STOP".equals(finishReason)) {
            throw new ProviderFailure(Kind.BLOCKED, "finish reason " + (finishReason.isEmpty() ? "missing" : finishReason),
                    null, finishReason.isEmpty() ? null : finishReason);
        }
        StringBuilder text = new StringBuilder();
        List<ImageData> images = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) continue;
            if (part.has("text")) text.append(part.get("text").asText());
            JsonNode inline = part.path("inlineData");
            if (inline.isObject()) images.add(image(inline));
        }
        if (call.imageOutputs() > 0 && images.isEmpty()) {
            throw new ProviderFailure(Kind.BLOCKED, "an image was requested but the answer holds none", null, "NO_IMAGE");
        }
        if (text.isEmpty() && images.isEmpty()) {
            throw new ProviderFailure(Kind.BLOCKED, "the answer holds no text and no image", null, "EMPTY");
        }
        if (call.jsonSchema() != null) Json.requireJson(mapper, text.toString());
        String textOrNull = text.isEmpty() ? null : text.toString();
        return new ProviderReply(textOrNull, images, usage(root.path("usageMetadata")),
                root.path("modelVersion").asText(null));
    }

    private static ImageData image(JsonNode inline) {
        try {
            return new ImageData(inline.path("mimeType").asText("image/png"),
                    Base64.getDecoder().decode(inline.path("data").asText("")));
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(Kind.BAD_OUTPUT, "an inlineData image is not valid base64");
        }
    }

    private static TokenUsage usage(JsonNode meta) {
        if (meta.isMissingNode()) return TokenUsage.NONE;
        int prompt = meta.path("promptTokenCount").asInt(0);
        int completion = meta.path("candidatesTokenCount").asInt(0) + meta.path("thoughtsTokenCount").asInt(0);
        int total = meta.path("totalTokenCount").asInt(prompt + completion);
        return new TokenUsage(prompt, completion, total);
    }
}
