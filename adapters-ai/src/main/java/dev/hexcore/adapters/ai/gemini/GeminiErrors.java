package dev.hexcore.adapters.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.Json;
import dev.hexcore.adapters.ai.support.RetryDelays;
import dev.hexcore.adapters.ai.support.Secrets;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderKey;
import java.time.Duration;

/**
 * Classifies Gemini's {@code {"error":{"code","message","status","details":[...]}}} answers. A 429's
 * {@code QuotaFailure.quotaId} tells a per-minute from a per-day quota, and {@code RetryInfo.retryDelay} how long to
 * wait (Gemini sends no Retry-After header).
 */
final class GeminiErrors {
    private static final String QUOTA_FAILURE = "type.googleapis.com/google.rpc.QuotaFailure";
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    private final ObjectMapper mapper;

    GeminiErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ProviderFailure classify(int status, String body, ProviderKey key) {
        JsonNode error = Json.readLenient(mapper, body).path("error");
        String grpcStatus = error.path("status").asText(null);
        String message = "gemini answered " + status + (grpcStatus == null ? "" : " " + grpcStatus) + ": "
                + Secrets.safeMessage(error.path("message").asText(""), key);
        JsonNode details = error.path("details");
        return switch (status) {
            case 429 -> rateLimited(details, message, grpcStatus);
            case 400 -> "API_KEY_INVALID".equals(errorInfoReason(details))
                    ? new ProviderFailure(Kind.KEY_INVALID, message, null, "API_KEY_INVALID")
                    : new ProviderFailure(Kind.INVALID_REQUEST, message, null, grpcStatus);
            case 401, 403 -> new ProviderFailure(Kind.KEY_INVALID, message, null, grpcStatus);
            case 404 -> new ProviderFailure(Kind.MODEL_UNAVAILABLE, message, null, grpcStatus);
            case 408 -> new ProviderFailure(Kind.TIMEOUT, message, null, grpcStatus);
            case 503 -> new ProviderFailure(Kind.OVERLOADED, message, null, grpcStatus);
            default -> status >= 500
                    ? new ProviderFailure(Kind.TRANSIENT, message, null, grpcStatus)
                    : new ProviderFailure(Kind.INVALID_REQUEST, message, null, grpcStatus);
        };
    }

    private static ProviderFailure rateLimited(JsonNode details, String message, String grpcStatus) {
        Duration retryDelay = null;
        boolean perDay = false;
        boolean perMinute = false;
        for (JsonNode detail : details) {
            String type = detail.path("@type").asText("");
            if (RETRY_INFO.equals(type)) {
                retryDelay = RetryDelays.parseDuration(detail.path("retryDelay").asText(null));
            } else if (QUOTA_FAILURE.equals(type)) {
                for (JsonNode violation : detail.path("violations")) {
                    String quotaId = violation.path("quotaId").asText("");
                    perDay |= quotaId.contains("PerDay");
                    perMinute |= quotaId.contains("PerMinute");
                }
            }
        }
        Kind kind = perDay ? Kind.RATE_LIMITED_DAY : perMinute ? Kind.RATE_LIMITED_MINUTE : Kind.RATE_LIMITED;
        return new ProviderFailure(kind, message, retryDelay, grpcStatus);
    }

    private static String errorInfoReason(JsonNode details) {
        for (JsonNode detail : details) {
            if (ERROR_INFO.equals(detail.path("@type").asText(""))) return detail.path("reason").asText(null);
        }
        return null;
    }
}
