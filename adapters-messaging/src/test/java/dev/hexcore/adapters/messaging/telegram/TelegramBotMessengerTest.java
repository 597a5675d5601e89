package dev.hexcore.adapters.messaging.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.hexcore.domain.port.MessageSender.DeliveryException;
import dev.hexcore.domain.port.MessageSender.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bot API adapter against WireMock serving Telegram's real answers (wire-formats.md, "Telegram Bot API"). */
class TelegramBotMessengerTest {
    private static final String TOKEN = "123456:ABC-secret-token";
    private static final String PATH = "/bot" + TOKEN + "/sendMessage";
    private static WireMockServer telegram;
    private TelegramBotMessenger messenger;

    @BeforeAll
    static void start() {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
    }

    @AfterAll
    static void stop() {
        telegram.stop();
    }

    @BeforeEach
    void reset() {
        telegram.resetAll();
        messenger = new TelegramBotMessenger(telegram.baseUrl() + "/", TOKEN, new ObjectMapper());
    }

    @Test
    void sendsTheTextToTheChat() {
        telegram.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":123456789,\"type\":\"private\"},"
                        + "\"date\":1746268800,\"text\":\"Your code: 123456\"}}")));

        messenger.send(123456789L, "Your code: 123456");

        telegram.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"chat_id\":123456789,\"text\":\"Your code: 123456\",\"protect_content\":true}")));
    }

    @Test
    void chatNotFoundMeansTheRecipientCannotBeReached() {
        reply(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

        assertFailure(Failure.RECIPIENT_UNREACHABLE, "chat not found");
    }

    @Test
    void aBlockedBotMeansTheRecipientCannotBeReached() {
        reply(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");

        assertFailure(Failure.RECIPIENT_UNREACHABLE, "bot was blocked by the user");
    }

    @Test
    void tooManyRequestsIsARateLimitWithTelegramsRetryAfter() {
        reply(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 34\","
                + "\"parameters\":{\"retry_after\":34}}");

        assertFailure(Failure.RATE_LIMITED, "retry_after 34 s");
    }

    @Test
    void aBadTokenOrAnOutageIsUnavailabilityAndNeverNamesTheToken() {
        reply(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertFailure(Failure.UNAVAILABLE, "Unauthorized");

        reply(502, "<html>Bad Gateway</html>");
        assertFailure(Failure.UNAVAILABLE, "502");
    }

    @Test
    void anUnreachableServerIsUnavailability() {
        var offline = new TelegramBotMessenger("http://127.0.0.1:1", TOKEN, new ObjectMapper());

        assertThatThrownBy(() -> offline.send(1L, "x")).isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).failure()).isEqualTo(Failure.UNAVAILABLE))
                .message().doesNotContain(TOKEN);
    }

    private void reply(int status, String body) {
        telegram.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void assertFailure(Failure failure, String detail) {
        assertThatThrownBy(() -> messenger.send(123456789L, "Your code: 654321"))
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).failure()).isEqualTo(failure))
                .hasMessageContaining(detail)
                .message().doesNotContain(TOKEN).doesNotContain("654321");
    }
}
