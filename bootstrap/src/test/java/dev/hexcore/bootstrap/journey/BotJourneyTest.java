package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's examples as a journey through HTTP, on the embedded default's offline image model: register with a
 * referral, read, generate (balance 0), generate again (402); idempotent retries; the bot key's scope; bad drawings.
 */
@QuarkusTest
class BotJourneyTest {
    private static final String BOT = "/api/v1/bot";

    @Inject
    EnsureAdminUseCase admins;

    private String botKey;

    @BeforeEach
    void aKeyWithTheBotScope() {
        if (botKey == null) botKey = createKey(newAdmin(admins), "[\"bot\"]", 10_000).secret();
    }

    /** The seed sends its key in {@code api-key}. */
    private RequestSpecification bot() {
        return from(newAddress()).header("api-key", botKey);
    }

    private static long newChatId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 50);
    }

    private Response register(long chatId, String referralCode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("chat_id", chatId, "username", "newuser",
                "advertising_source", "src_ads_campaign_01"));
        if (referralCode != null) body.put("referral_code", referralCode);
        return bot().contentType(ContentType.JSON).body(body).post(BOT + "/users");
    }

    private Response generate(long chatId, byte[] image, String idempotencyKey) {
        RequestSpecification request = bot().multiPart("chat_id", Long.toString(chatId))
                .multiPart("image", "drawing.png", image, "image/png");
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return request.post(BOT + "/generate");
    }

    static byte[] drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JsonPath user(long chatId) {
        return bot().get(BOT + "/users/" + chatId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSeedsExamplesInOrder() {
        long referrer = newChatId();
        register(referrer, null).then().statusCode(201).body("ozhivashki", equalTo(1)).body("referred_by", nullValue());
        long chatId = newChatId();

        Response created = register(chatId, "ref_" + referrer);
        created.then().statusCode(201).body("chat_id", equalTo(chatId)).body("username", equalTo("newuser"))
                .body("ozhivashki", equalTo(1)).body("generation_count", equalTo(0))
                .body("last_generation_time", nullValue()).body("referral_code", equalTo("ref_" + chatId))
                .body("referred_by", equalTo(referrer)).body("referral_bonus_claimed", equalTo(false))
                .body("first_generation_time", nullValue()).body("daily_bonus_claimed_today", equalTo(false))
                .body("daily_bonus_streak", equalTo(0)).body("discount_offered", equalTo(false))
                .body("advertising_source", equalTo("src_ads_campaign_01")).body("yookassa_payments", equalTo(Map.of()));
        assertThat(created.jsonPath().getString("registered_at")).endsWith("Z");

        Response again = register(chatId, null);
        again.then().statusCode(200);
        assertThat(again.jsonPath().getMap("$")).as("an existing user comes back unchanged")
                .isEqualTo(created.jsonPath().getMap("$"));
        assertThat(user(chatId).getMap("$")).isEqualTo(created.jsonPath().getMap("$"));

        JsonPath first = generate(chatId, drawing(640, 480), null).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("main_images", String.class)).hasSize(4).allSatisfy(BotJourneyTest::isPng);
        assertThat(first.getList("bonus_images", String.class)).as("the first generation brings bonus images")
                .hasSize(2).allSatisfy(BotJourneyTest::isPng);
        assertThat(first.getInt("ozhivashki_spent")).isEqualTo(1);
        assertThat(first.getInt("new_balance")).isZero();

        JsonPath after = user(chatId);
        assertThat(after.getInt("ozhivashki")).isZero();
        assertThat(after.getInt("generation_count")).isEqualTo(1);
        assertThat(after.getBoolean("referral_bonus_claimed")).isTrue();
        assertThat(after.getString("first_generation_time")).isNotNull().isEqualTo(after.getString("last_generation_time"));
        assertThat(user(referrer).getInt("ozhivashki")).as("welcome + referral bonus").isEqualTo(2);

        generate(chatId, drawing(640, 480), null).then().statusCode(402).contentType(PROBLEM_JSON)
                .body("code", equalTo("INSUFFICIENT_CREDITS")).body("status", equalTo(402));
        assertThat(user(chatId).getInt("ozhivashki")).as("a refused generation costs nothing").isZero();

        JsonPath ledger = bot().get(BOT + "/users/" + chatId + "/ledger").then().statusCode(200).extract().jsonPath();
        assertThat(ledger.getList("items.reason", String.class)).containsExactly("generation", "welcome");
        assertThat(ledger.getList("items.amount", Integer.class)).containsExactly(-1, 1);
        assertThat(ledger.getList("items.balance_after", Integer.class)).containsExactly(0, 1);
        assertThat(ledger.getInt("total")).isEqualTo(2);

        JsonPath bonus = bot().post(BOT + "/users/" + chatId + "/daily_bonus").then().statusCode(200).extract().jsonPath();
        assertThat(bonus.getInt("ozhivashki_granted")).isEqualTo(1);
        assertThat(bonus.getBoolean("user.daily_bonus_claimed_today")).isTrue();
        assertThat(bonus.getInt("user.daily_bonus_streak")).isEqualTo(1);
        bot().post(BOT + "/users/" + chatId + "/daily_bonus").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("code", equalTo("DAILY_BONUS_ALREADY_CLAIMED"));

        JsonPath second = generate(chatId, drawing(300, 300), null).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("main_images")).hasSize(4);
        assertThat(second.getList("bonus_images")).as("neither the first generation nor a streak day").isEmpty();
        assertThat(user(referrer).getInt("ozhivashki")).as("the referral bonus is paid once").isEqualTo(2);

        JsonPath history = bot().get(BOT + "/users/" + chatId + "/generations").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.status", String.class)).containsExactly("succeeded", "succeeded");
        assertThat(history.getList("items.main_images", Integer.class)).containsExactly(4, 4);
        assertThat(history.getList("items.bonus_images", Integer.class)).containsExactly(0, 2);
        assertThat(history.getList("items.provider", String.class)).containsOnly("offline");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultWithoutASecondCharge() {
        long chatId = newChatId();
        register(chatId, null).then().statusCode(201);
        bot().post(BOT + "/users/" + chatId + "/daily_bonus").then().statusCode(200);   // balance 2

        Response first = generate(chatId, drawing(200, 150), "retry-" + chatId);
        first.then().statusCode(200).body("new_balance", equalTo(1));
        Response retry = generate(chatId, drawing(200, 150), "retry-" + chatId);
        retry.then().statusCode(200).header("Idempotency-Replayed", "true");

        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
        JsonPath ledger = bot().get(BOT + "/users/" + chatId + "/ledger").then().statusCode(200).extract().jsonPath();
        assertThat(ledger.getList("items.reason", String.class)).containsExactly("generation", "daily_bonus", "welcome");
    }

    @Test
    void keysWithoutTheBotScopeAndUnknownUsersAreRefused() {
        Account admin = newAdmin(admins);
        String profilesKey = createKey(admin, "[\"profiles:read\"]", null).secret();
        from(newAddress()).header("X-API-Key", profilesKey).get(BOT + "/users/1").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        from(newAddress()).get(BOT + "/users/1").then().statusCode(401).contentType(PROBLEM_JSON);

        long unknown = newChatId();
        from(newAddress()).header("Authorization", "Bearer " + botKey).get(BOT + "/users/" + unknown).then()
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
        bot().get(BOT + "/users/not-a-number").then().statusCode(404).contentType(PROBLEM_JSON);
        bot().get(BOT + "/users/0/ledger").then().statusCode(404).contentType(PROBLEM_JSON);
        bot().get(BOT + "/users/" + Long.MIN_VALUE + "/generations").then().statusCode(404).contentType(PROBLEM_JSON);
        generate(unknown, drawing(64, 64), null).then().statusCode(404).contentType(PROBLEM_JSON);
        bot().contentType(ContentType.JSON).body(Map.of("username", "x")).post(BOT + "/users").then().statusCode(422)
                .contentType(PROBLEM_JSON);
        bot().contentType(ContentType.JSON).body(Map.of("chat_id", 0)).post(BOT + "/users").then().statusCode(422)
                .body("errors[0].field", equalTo("chat_id"));
    }

    @Test
    void drawingsAreCheckedByTheirBytesAndSizeBeforeAnyCharge() {
        long chatId = newChatId();
        register(chatId, null).then().statusCode(201);

        byte[] text = "GIF89a, or rather not an image at all".getBytes();
        generate(chatId, text, null).then().statusCode(415).contentType(PROBLEM_JSON)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        byte[] truncated = java.util.Arrays.copyOf(drawing(64, 64), 40);
        generate(chatId, truncated, null).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("image"));
        generate(chatId, pngHeader(20_000, 10), null).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString("20000 × 10"));
        bot().multiPart("chat_id", Long.toString(chatId)).post(BOT + "/generate").then().statusCode(422)
                .body("errors[0].field", equalTo("image"));
        generate(chatId, new byte[10 * 1024 * 1024 + 1], null).then().statusCode(413).contentType(PROBLEM_JSON);

        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
        assertThat(bot().get(BOT + "/users/" + chatId + "/generations").then().statusCode(200).extract()
                .jsonPath().getInt("total")).isZero();
    }

    @Test
    void everyBotRouteIsInTheOpenApiDocumentWithItsOperationIdAndErrors() {
        JsonPath api = from(newAddress()).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = Map.of("/api/v1/bot/users", "post.operationId",
                "/api/v1/bot/users/{chat_id}", "get.operationId", "/api/v1/bot/users/{chat_id}/ledger", "get.operationId",
                "/api/v1/bot/users/{chat_id}/daily_bonus", "post.operationId", "/api/v1/bot/generate", "post.operationId",
                "/api/v1/bot/users/{chat_id}/generations", "get.operationId");
        operations.forEach((path, operation) -> assertThat(api.getString("paths.'" + path + "'." + operation))
                .as(path).isNotBlank());
        Map<String, Object> generate = api.getMap("paths.'/api/v1/bot/generate'.post.responses");
        assertThat(generate).containsKeys("200", "402", "404", "409", "413", "415", "422", "502", "503", "401", "403");
        assertThat(api.getString("paths.'/api/v1/bot/generate'.post.responses.'402'.content.'application/problem+json'"
                + ".examples.insufficient.value.code")).isEqualTo("INSUFFICIENT_CREDITS");
    }

    /** A PNG signature and IHDR announcing {@code width × height}, with no pixel data behind it. */
    static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        png.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        png.put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt((int) crc.getValue());
        return png.array();
    }

    private static void isPng(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertThat(List.of(bytes[1], bytes[2], bytes[3])).containsExactly((byte) 'P', (byte) 'N', (byte) 'G');
    }
}
