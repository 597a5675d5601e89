package dev.hexcore.adapters.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import java.util.List;

/**
 * Reads a 200 chat completion. No choice, a {@code finish_reason} of {@code length} or {@code content_filter}, or no
 * content are {@link Kind#BLOCKED}; a structured answer that does not parse is {@link Kind#BAD_OUTPUT}.
 */
final class OpenAiReplies {
    private final ObjectMapper mapper;

    OpenAiReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ProviderReply read(ProviderCall call, String body) {
        JsonNode root = Json.readAnswer(mapper, body);
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new ProviderFailure(Kind.BLOCKED, "no choices in the answer");
        }
        JsonNode choice = choices.get(0);
        String finishReason = choice.path("finish_reason").asText("");
        if ("length".equals(finishReason) || "content_filter".equals(finishReason)) {
            throw new ProviderFailure(Kind.BLOCKED, "finish reason " + finishReason, null, finishReason);
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            String refusal = choice.path("message").path("refusal").asText(null);
            throw new ProviderFailure(Kind.BLOCKED, refusal == null ? "no content in the answer" : "model refused",
                    null, refusal == null ? null : "refusal");
        }
        String text = content.asText();
        if (call.jsonSchema() != null) Json.requireJson(mapper, text);
        return new ProviderReply(text, List.of(), usage(root.path("usage")), root.path("model").asText(null));
    }

    private static TokenUsage usage(JsonNode usage) {
        if (usage.isMissingNode() || usage.isNull()) return TokenUsage.NONE;
        int prompt = usage.path("prompt_tokens").asInt(0);
        int completion = usage.path("completion_tokens").asInt(0);
        return new TokenUsage(prompt, completion, usage.path("total_tokens").asInt(prompt + completion));
    }
}
