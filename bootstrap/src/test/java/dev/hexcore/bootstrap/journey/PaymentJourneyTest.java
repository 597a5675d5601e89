package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.hexcore.adapters.payments.sandbox.SandboxPaymentProvider;
import dev.hexcore.adapters.rest.payment.WebhookSources;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.ProviderPayment;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 through HTTP on the sandbox provider: packs, create_payment and its validation, the sandbox page paying a
 * payment and the balance it credits, the webhook's duplicates and what it must not credit, its source allow list,
 * and a provider that cannot be asked (503, so YooKassa redelivers).
 */
@QuarkusTest
class PaymentJourneyTest {
    private static final String BOT = "/api/v1/bot";
    private static final String WEBHOOK = "/api/v1/payments/yookassa/webhook";
    private static final String TEN = "Пакет '10 Оживашек'";

    @Inject
    EnsureAdminUseCase admins;

    private static String botKey;

    @BeforeEach
    void aKeyWithTheBotScope() {
        if (botKey == null) botKey = createKey(newAdmin(admins), "[\"bot\"]", 10_000).secret();
    }

    private RequestSpecification bot() {
        return from(newAddress()).header("api-key", botKey);
    }

    static long newUser(RequestSpecification bot) {
        long chatId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        bot.contentType(ContentType.JSON).body(Map.of("chat_id", chatId)).post(BOT + "/users").then().statusCode(201);
        return chatId;
    }

    private Response create(long chatId, String body) {
        return bot().contentType(ContentType.JSON).body(body).post(BOT + "/users/" + chatId + "/create_payment");
    }

    private JsonPath user(long chatId) {
        return bot().get(BOT + "/users/" + chatId).then().statusCode(200).extract().jsonPath();
    }

    private static Response webhook(String address, String event, String id) {
        return from(address).contentType(ContentType.JSON)
                .body("{\"type\":\"notification\",\"event\":\"" + event + "\",\"object\":{\"id\":\"" + id
                        + "\",\"status\":\"succeeded\"}}")
                .post(WEBHOOK);
    }

    /** The page's path: the payment URL's host is the configured public base URL, not this test's random port. */
    static String path(String paymentUrl) {
        return URI.create(paymentUrl).getPath();
    }

    @Test
    void packsAreListedWithTheirPricesAsDecimalText() {
        bot().get(BOT + "/packs").then().statusCode(200)
                .body("items.title", hasItem(TEN))
                .body("items.find { it.id == '10' }.ozhivashki", equalTo(10))
                .body("items.find { it.id == '10' }.price.value", equalTo("100.00"))
                .body("items.find { it.id == '10' }.price.currency", equalTo("RUB"));
        from(newAddress()).get(BOT + "/packs").then().statusCode(401);
    }

    @Test
    void theSandboxPagePaysAndTheBalanceIsCreditedOnce() {
        long chatId = newUser(bot());
        JsonPath created = create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":2,\"price\":200}")
                .then().statusCode(200).body("payment_url", startsWith("http")).extract().jsonPath();
        String paymentId = created.getString("payment_id");
        assertThat(user(chatId).getMap("yookassa_payments")).containsEntry(paymentId, "pending");

        String page = path(created.getString("payment_url"));
        assertThat(page).isEqualTo("/sandbox/payments/" + paymentId);
        from(newAddress()).get(page).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Оплатить")).body(containsString("200.00 RUB"))
                .body(containsString("Пакет &#39;10 Оживашек&#39; × 2"));
        from(newAddress()).post(page + "/succeed").then().statusCode(200)
                .body(containsString("Оплата прошла")).body(containsString("href=\"https://t.me/"));

        JsonPath after = user(chatId);
        assertThat(after.getInt("ozhivashki")).isEqualTo(1 + 20);
        assertThat(after.getMap("yookassa_payments")).containsEntry(paymentId, "succeeded");

        // a second click, and YooKassa-style duplicates, move nothing
        from(newAddress()).post(page + "/succeed").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            webhook(newAddress(), "payment.succeeded", paymentId).then().statusCode(200)
                    .body("outcome", equalTo("already_settled"));
        }
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(21);
        bot().get(BOT + "/users/" + chatId + "/ledger").then().statusCode(200)
                .body("items[0].reason", equalTo("purchase")).body("items[0].amount", equalTo(20))
                .body("items[0].idempotency_key", equalTo("payment:" + paymentId)).body("total", equalTo(2));
        // paid is final: it cannot be canceled afterwards
        from(newAddress()).post(page + "/cancel").then().statusCode(409).body(containsString("Оплата прошла"));
    }

    @Test
    void aCanceledSandboxPaymentIsRecordedAndCreditsNothing() {
        long chatId = newUser(bot());
        String paymentId = create(chatId, "{\"item_name\":\"10\",\"quantity\":1,\"price\":100.00}")
                .then().statusCode(200).extract().path("payment_id");
        from(newAddress()).post("/sandbox/payments/" + paymentId + "/cancel").then().statusCode(200)
                .body(containsString("Оплата отменена"));
        assertThat(user(chatId).getMap("yookassa_payments")).containsEntry(paymentId, "canceled");
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
        webhook(newAddress(), "payment.succeeded", paymentId).then().statusCode(200).body("outcome", equalTo("already_settled"));
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
    }

    @Test
    void createPaymentRefusesWhatIsNotAPackAtItsPrice() {
        long chatId = newUser(bot());
        create(chatId, "{\"item_name\":\"Пакет '7 Оживашек'\",\"quantity\":1,\"price\":70}").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("item_name"));
        create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":99.99}").then().statusCode(422)
                .body("errors[0].field", equalTo("price")).body("errors[0].message", containsString("100.00"));
        create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":0,\"price\":0}").then().statusCode(422)
                .body("errors.field", hasItem("quantity"));
        create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":101,\"price\":10100}").then().statusCode(422)
                .body("errors.field", hasItem("quantity"));
        create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":1}").then().statusCode(422)
                .body("errors.field", hasItem("price"));
        create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":\"100.00\"}").then().statusCode(400);
        create(chatId + 1, "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":100}").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        assertThat(user(chatId).getMap("yookassa_payments")).isEmpty();
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyAnswersTheSamePayment() {
        long chatId = newUser(bot());
        String body = "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":100.00}";
        String key = UUID.randomUUID().toString();
        String first = bot().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(BOT + "/users/" + chatId + "/create_payment").then().statusCode(200).extract().path("payment_id");
        bot().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(BOT + "/users/" + chatId + "/create_payment").then().statusCode(200)
                .header("Idempotency-Replayed", "true").body("payment_id", equalTo(first));
        bot().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"item_name\":\"" + TEN + "\",\"quantity\":2,\"price\":200.00}")
                .post(BOT + "/users/" + chatId + "/create_payment").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(user(chatId).getMap("yookassa_payments")).hasSize(1);
    }

    @Test
    void aWebhookForAnUnknownOrStillPendingPaymentCreditsNothing() {
        webhook(newAddress(), "payment.succeeded", UUID.randomUUID().toString()).then().statusCode(200)
                .body("outcome", equalTo("unknown"));
        long chatId = newUser(bot());
        String paymentId = create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":100}")
                .then().statusCode(200).extract().path("payment_id");
        // the body claims success; the provider says pending, and only the provider is believed
        webhook(newAddress(), "payment.succeeded", paymentId).then().statusCode(200).body("outcome", equalTo("pending"));
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
        assertThat(user(chatId).getMap("yookassa_payments")).containsEntry(paymentId, "pending");
        // an event nobody acts on is acknowledged
        webhook(newAddress(), "deal.closed", paymentId).then().statusCode(200).body("outcome", equalTo("ignored"));
    }

    @Test
    void aNotificationThatCannotBeReadIsRefused() {
        from(newAddress()).contentType(ContentType.JSON).body("{\"type\":\"notification\",\"event\":\"payment.succeeded\"}")
                .post(WEBHOOK).then().statusCode(422).body("errors[0].field", equalTo("object.id"));
        from(newAddress()).contentType(ContentType.JSON).body("{\"type\":\"spam\",\"event\":\"payment.succeeded\","
                + "\"object\":{\"id\":\"x\"}}").post(WEBHOOK).then().statusCode(422);
        from(newAddress()).contentType(ContentType.JSON).body("{\"type\":").post(WEBHOOK).then().statusCode(400);
    }

    @Test
    void theWebhookAcceptsOnlyTheAllowedSources() {
        QuarkusMock.installMockForType(new WebhookSources("10.0.0.0/8, 2a02:5180::/32"), WebhookSources.class);
        String unknown = UUID.randomUUID().toString();
        webhook("192.0.2.7", "payment.succeeded", unknown).then().statusCode(403)
                .body("code", equalTo("WEBHOOK_SOURCE_REFUSED"));
        webhook("10.20.30.40", "payment.succeeded", unknown).then().statusCode(200);
        QuarkusMock.installMockForType(new WebhookSources("127.0.0.1/32"), WebhookSources.class);
        webhook("10.20.30.40", "payment.succeeded", unknown).then().statusCode(403);
        webhook("127.0.0.1", "payment.succeeded", unknown).then().statusCode(200);
    }

    @Test
    void aProviderThatCannotBeAskedMakesTheWebhookAnswer503SoItIsDeliveredAgain() {
        long chatId = newUser(bot());
        String paymentId = create(chatId, "{\"item_name\":\"" + TEN + "\",\"quantity\":1,\"price\":100}")
                .then().statusCode(200).extract().path("payment_id");
        QuarkusMock.installMockForType(new SandboxPaymentProvider(null, Clock.systemUTC(), "http://localhost") {
            @Override
            public Optional<ProviderPayment> fetch(String id) {
                throw new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, null, "timed out",
                        Duration.ofSeconds(7));
            }
        }, SandboxPaymentProvider.class, NamedLiteral.of("sandbox"));
        webhook(newAddress(), "payment.succeeded", paymentId).then().statusCode(503)
                .header("Retry-After", "7").body("code", equalTo("PAYMENT_PROVIDER_UNAVAILABLE"));
        assertThat(user(chatId).getInt("ozhivashki")).isEqualTo(1);
    }
}
