package dev.hexcore.adapters.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.adapters.ai.support.RetryDelays;
import dev.hexcore.adapters.ai.support.Secrets;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderKey;
import java.time.Duration;
import java.util.Locale;

/**
 * Classifies OpenAI-style errors ({@code {"error":{"message","type","code"}}}, or Ollama's {@code {"error":"..."}}).
 * A 429 waits for the {@code retry-after} header, else the "Please try again in 5.289s" of the message; Groq's
 * requests-per-day limit ("RPD", "requests per day") is {@link Kind#RATE_LIMITED_DAY}; {@code insufficient_quota} is
 * billing.
 */
final class OpenAiErrors {
    private final String provider;
    private final ObjectMapper mapper;

    OpenAiErrors(String provider, ObjectMapper mapper) {
        this.provider = provider;
        this.mapper = mapper;
    }

    ProviderFailure classify(int status, String retryAfterHeader, String body, ProviderKey key) {
        JsonNode error = Json.readLenient(mapper, body).path("error");
        String rawMessage = error.isTextual() ? error.asText() : error.path("message").asText("");
        String code = error.path("code").isValueNode() ? error.path("code").asText(null) : null;
        String type = error.path("type").asText("");
        String message = provider + " answered " + status + (code == null ? "" : " " + code) + ": "
                + Secrets.safeMessage(rawMessage, key);
        return switch (status) {
            case 429 -> rateLimited(code, type, rawMessage, retryAfterHeader, message);
            case 400, 422 -> "json_validate_failed".equals(code)
                    ? new ProviderFailure(Kind.BAD_OUTPUT, message, null, code)
                    : new ProviderFailure(Kind.INVALID_REQUEST, message, null, code);
            case 401, 403 -> new ProviderFailure(Kind.KEY_INVALID, message, null, code);
            case 404 -> new ProviderFailure(Kind.MODEL_UNAVAILABLE, message, null, code);
            case 408 -> new ProviderFailure(Kind.TIMEOUT, message, null, code);
            case 498, 503 -> new ProviderFailure(Kind.OVERLOADED, message, null, code);
            default -> status >= 500
                    ? new ProviderFailure(Kind.TRANSIENT, message, null, code)
                    : new ProviderFailure(Kind.INVALID_REQUEST, message, null, code);
        };
    }

    private static ProviderFailure rateLimited(String code, String type, String rawMessage, String retryAfterHeader,
                                               String message) {
        if ("insufficient_quota".equals(code) || "insufficient_quota".equals(type)) {
            return new ProviderFailure(Kind.BILLING_QUOTA, message, null, "insufficient_quota");
        }
        Duration retryAfter = RetryDelays.fromRetryAfterHeader(retryAfterHeader);
        if (retryAfter == null) retryAfter = RetryDelays.fromMessage(rawMessage);
        String lower = (rawMessage + " " + type).toLowerCase(Locale.ROOT);
        Kind kind = lower.contains("requests per day") || rawMessage.contains("RPD")
                ? Kind.RATE_LIMITED_DAY : Kind.RATE_LIMITED;
        return new ProviderFailure(kind, message, retryAfter, code);
    }
}
