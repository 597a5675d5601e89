package dev.hexcore.adapters.messaging.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.domain.port.MessageSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@link MessageSender} on the Telegram Bot API: {@code POST {base}/bot<token>/sendMessage}. Telegram's error bodies
 * ({@code {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}}) become
 * {@link MessageSender.DeliveryException}s: 400 and 403 mean the person cannot be reached, 429 (with
 * {@code parameters.retry_after}) a rate limit, anything else (401 bad token, 5xx, network) unavailability. The
 * token is part of the URL, so no message ever names the URL.
 */
public final class TelegramBotMessenger implements MessageSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final URI sendMessage;

    public TelegramBotMessenger(String baseUrl, String botToken, ObjectMapper mapper) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        this.mapper = mapper;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.sendMessage = URI.create(base + "/bot" + botToken + "/sendMessage");
    }

    @Override
    public void send(long chatId, String text) {
        HttpResponse<String> response = post(Map.of("chat_id", chatId, "text", text, "protect_content", true));
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body.path("ok").asBoolean(false)) return;
        int code = body.path("error_code").asInt(response.statusCode());
        String description = body.path("description").asText("HTTP " + response.statusCode());
        throw switch (code) {
            case 400, 403 -> new DeliveryException(Failure.RECIPIENT_UNREACHABLE, description);
            case 429 -> new DeliveryException(Failure.RATE_LIMITED,
                    description + " (retry_after " + body.path("parameters").path("retry_after").asLong(0) + " s)");
            default -> new DeliveryException(Failure.UNAVAILABLE, "Telegram answered " + code + ": " + description);
        };
    }

    private HttpResponse<String> post(Map<String, Object> payload) {
        try {
            HttpRequest request = HttpRequest.newBuilder(sendMessage)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(payload), StandardCharsets.UTF_8))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(Failure.UNAVAILABLE, "cannot reach Telegram: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(Failure.UNAVAILABLE, "interrupted while calling Telegram");
        }
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
