package dev.hexcore.bootstrap.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.hexcore.bootstrap.support.HexcoreTestInfrastructure;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: Telegram OTP login over HTTP, with the real Bot API adapter talking to WireMock. */
@QuarkusTest
class TelegramOtpJourneyTest {
    private static final String SEND_MESSAGE = "/bot" + HexcoreTestInfrastructure.TELEGRAM_BOT_TOKEN + "/sendMessage";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    AgroalDataSource dataSource;

    private WireMockServer telegram;

    @BeforeEach
    void telegramAcceptsMessages() {
        telegram = HexcoreTestInfrastructure.providers();
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":1,\"type\":\"private\"},"
                        + "\"date\":1746268800,\"text\":\"code\"}}")));
    }

    @Test
    void theCodeFromTheBotSignsInOnceAtBothPaths() {
        Account account = newUser("otp");
        long telegramId = link(account);

        send("/api/v1/telegram/send-otp", telegramId).then().statusCode(200)
                .body("sent", equalTo(true)).body("expires_in", equalTo(300));
        String code = codeSentTo(telegramId);

        Response verified = verify("/api/v1/auth/telegram/verify-otp", telegramId, code);
        verified.then().statusCode(200).body("token_type", equalTo("bearer"));
        bearer(newAddress(), verified.jsonPath().getString("access_token")).get("/api/v1/users/me").then()
                .statusCode(200).body("id", equalTo(account.id()));

        verify("/api/v1/telegram/verify-otp", telegramId, code).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_OTP"));
    }

    @Test
    void aSecondCodeWithinAMinuteIsThrottledForKnownAndUnknownIdsAlike() {
        long known = link(newUser("otp_thr"));
        long unknown = TelegramLinkJourneyTest.randomTelegramId();

        String knownAnswer = send("/api/v1/telegram/send-otp", known).then().statusCode(200).extract().asString();
        String unknownAnswer = send("/api/v1/auth/telegram/send-otp", unknown).then().statusCode(200).extract().asString();
        assertThat(unknownAnswer).isEqualTo(knownAnswer);
        assertThat(telegram.findAll(postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
                .withRequestBody(matchingJsonPath("$.chat_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        Long.toString(unknown)))))).isEmpty();

        for (long id : List.of(known, unknown)) {
            send("/api/v1/telegram/send-otp", id).then().statusCode(429).contentType(PROBLEM_JSON)
                    .body("code", equalTo("OTP_THROTTLED"));
        }
        verify("/api/v1/telegram/verify-otp", unknown, "123456").then().statusCode(401)
                .body("code", equalTo("INVALID_OTP"));
    }

    @Test
    void anExpiredCodeAndAWrongOneAreRefusedAndBadInputIsAProblem() throws Exception {
        long telegramId = link(newUser("otp_exp"));
        send("/api/v1/telegram/send-otp", telegramId).then().statusCode(200);
        String code = codeSentTo(telegramId);
        String wrong = code.equals("000000") ? "000001" : "000000";

        verify("/api/v1/telegram/verify-otp", telegramId, wrong).then().statusCode(401);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement expire = connection.prepareStatement(
                     "update telegram_otps set expires_at = now() - interval '1 second' where telegram_id = ?")) {
            expire.setLong(1, telegramId);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        verify("/api/v1/telegram/verify-otp", telegramId, code).then().statusCode(401)
                .body("code", equalTo("INVALID_OTP"));

        from(newAddress()).contentType(ContentType.JSON).body("{\"telegram_id\":\"abc\"}")
                .post("/api/v1/telegram/send-otp").then().statusCode(400).contentType(PROBLEM_JSON);
        from(newAddress()).contentType(ContentType.JSON).body("{\"telegram_id\":5}")
                .post("/api/v1/telegram/verify-otp").then().statusCode(422).contentType(PROBLEM_JSON);
    }

    private static long link(Account account) {
        long telegramId = TelegramLinkJourneyTest.randomTelegramId();
        bearer(newAddress(), account.tokens().access()).contentType(ContentType.JSON)
                .body("{\"telegram_id\":" + telegramId + "}").patch("/api/v1/users/me").then().statusCode(200);
        return telegramId;
    }

    private static Response send(String path, long telegramId) {
        return from(newAddress()).contentType(ContentType.JSON).body("{\"telegram_id\":" + telegramId + "}").post(path);
    }

    private static Response verify(String path, long telegramId, String code) {
        return from(newAddress()).contentType(ContentType.JSON)
                .body("{\"telegram_id\":" + telegramId + ",\"code\":\"" + code + "\"}").post(path);
    }

    private String codeSentTo(long telegramId) {
        var requests = telegram.findAll(postRequestedFor(urlPathEqualTo(SEND_MESSAGE)).withRequestBody(
                matchingJsonPath("$.chat_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        Long.toString(telegramId)))));
        assertThat(requests).as("messages to chat %s", telegramId).hasSize(1);
        Matcher matcher = CODE.matcher(requests.getFirst().getBodyAsString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
