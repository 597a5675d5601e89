package dev.hexcore.adapters.payments.yookassa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentProviderException.Kind;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The YooKassa adapter against WireMock serving YooKassa's documented bodies (shared/reference/wire-formats.md). */
class YooKassaPaymentProviderTest {
    private static final String SHOP_ID = "123456";
    private static final String SECRET = "test_Fh8hUAVVBGUGbjmlzba6TB0iyUbos_lueTHE-axOwM0";
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString((SHOP_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    private static final String PAYMENT_ID = "23d93cac-000f-5000-8000-126628f15141";
    private static final String KEY = "create-payment-7f9c2ba4";

    private static final String CREATED = """
            {"id":"23d93cac-000f-5000-8000-126628f15141","status":"pending","paid":false,
             "amount":{"value":"100.00","currency":"RUB"},
             "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId=23d93cac-000f-5000-8000-126628f15141"},
             "created_at":"2019-01-22T14:30:45.129Z","description":"Пакет '10 Оживашек'",
             "metadata":{"chat_id":"123456789","pack":"10","quantity":"1"},
             "recipient":{"account_id":"100500","gateway_id":"100700"},"refundable":false,"test":false}""";
    private static final String SUCCEEDED = """
            {"id":"23d93cac-000f-5000-8000-126628f15141","status":"succeeded","paid":true,
             "amount":{"value":"100.00","currency":"RUB"},
             "authorization_details":{"rrn":"10000000000","auth_code":"000000","three_d_secure":{"applied":true}},
             "captured_at":"2019-01-22T14:32:09.214Z","created_at":"2019-01-22T14:30:45.129Z",
             "description":"Пакет '10 Оживашек'","income_amount":{"value":"96.50","currency":"RUB"},
             "metadata":{"chat_id":"123456789","pack":"10","quantity":"1"},
             "payment_method":{"type":"bank_card","id":"23d93cac-000f-5000-8000-126628f15141","saved":false,
              "card":{"first6":"555555","last4":"4444","expiry_month":"07","expiry_year":"2030","card_type":"MasterCard",
               "issuer_country":"RU"},"title":"Bank card *4444"},
             "recipient":{"account_id":"100500","gateway_id":"100700"},
             "refunded_amount":{"value":"40.00","currency":"RUB"},"refundable":true,"test":false}""";
    private static final String CANCELED = """
            {"id":"23d93cac-000f-5000-8000-126628f15141","status":"canceled","paid":false,
             "amount":{"value":"100.00","currency":"RUB"},"created_at":"2019-01-22T14:30:45.129Z",
             "description":"Пакет '10 Оживашек'","metadata":{"chat_id":"123456789"},
             "recipient":{"account_id":"100500","gateway_id":"100700"},"refundable":false,"test":false,
             "cancellation_details":{"party":"yoo_money","reason":"expired_on_confirmation"}}""";
    private static final String REFUND = """
            {"id":"216749f7-0016-50be-b000-078d43a63ae4","payment_id":"23d93cac-000f-5000-8000-126628f15141",
             "status":"succeeded","created_at":"2019-01-23T10:12:01.407Z",
             "amount":{"value":"40.00","currency":"RUB"},"description":"Возврат по заказу"}""";
    private static final String INVALID_REQUEST = """
            {"type":"error","id":"ab5a11cd-13cc-4e33-af8b-75a74e18dd09","code":"invalid_request",
             "description":"Idempotence key duplicated","parameter":"Idempotence-Key"}""";
    private static final String INVALID_CREDENTIALS = """
            {"type":"error","id":"5f3d0e0b-8a3f-4b1c-9c7e-0e1f2a3b4c5d","code":"invalid_credentials",
             "description":"Basic authentication failed for the shop"}""";
    private static final String FORBIDDEN = """
            {"type":"error","id":"0e6a2c7d-5b1f-4a9e-8d3c-2b1a0f9e8d7c","code":"forbidden",
             "description":"Not enough rights to perform the operation"}""";
    private static final String TOO_MANY_REQUESTS = """
            {"type":"error","id":"7c1d3e5f-2a4b-4c6d-8e0f-1a2b3c4d5e6f","code":"too_many_requests",
             "description":"Too many requests. Please try again later"}""";
    private static final String INTERNAL_ERROR = """
            {"type":"error","id":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","code":"internal_server_error",
             "description":"Internal server error"}""";
    private static final String NOT_FOUND = """
            {"type":"error","id":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","code":"not_found",
             "description":"Incorrect payment id. Payment doesn't exist or access denied.","parameter":"payment_id"}""";

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    /** Short timeouts and waits: 300 ms per attempt, 3 attempts from 20 ms, 3 s in all. */
    private static YooKassaSettings settings(String shopId, String secret) {
        return new YooKassaSettings(URI.create(wireMock.baseUrl() + "/v3"), shopId, secret, Duration.ofMillis(500),
                Duration.ofMillis(300), 3, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMillis(5),
                Duration.ofSeconds(3));
    }

    private static YooKassaPaymentProvider yooKassa() {
        return new YooKassaPaymentProvider(settings(SHOP_ID, SECRET));
    }

    private static NewPayment newPayment() {
        return new NewPayment(KEY, Money.rub(100), "Пакет '10 Оживашек'", "https://t.me/YourBot",
                Map.of("chat_id", "123456789", "pack", "10", "quantity", "1"));
    }

    private static MappingBuilder createPayment() {
        return post(urlPathEqualTo("/v3/payments"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    @Test
    void createSendsBasicAuthTheIdempotenceKeyAndTheDocumentedBodyAndReadsThePendingPayment() {
        wireMock.stubFor(createPayment().willReturn(json(200, CREATED)));

        ProviderPayment payment = yooKassa().create(newPayment());

        assertThat(payment.id()).isEqualTo(PAYMENT_ID);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.amount()).isEqualTo(Money.rub(100));
        assertThat(payment.refundedAmount()).isEqualTo(new Money(BigDecimal.ZERO, "RUB"));
        assertThat(payment.confirmationUrl()).isEqualTo(
                "https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId=" + PAYMENT_ID);
        assertThat(payment.metadata()).containsExactlyInAnyOrderEntriesOf(
                Map.of("chat_id", "123456789", "pack", "10", "quantity", "1"));
        assertThat(payment.createdAt()).isEqualTo(Instant.parse("2019-01-22T14:30:45.129Z"));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments"))
                .withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Idempotence-Key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"amount":{"value":"100.00","currency":"RUB"},"capture":true,
                         "confirmation":{"type":"redirect","return_url":"https://t.me/YourBot"},
                         "description":"Пакет '10 Оживашек'",
                         "metadata":{"chat_id":"123456789","pack":"10","quantity":"1"}}""")));
        // the amount is a string with two decimals, not a JSON number
        assertThat(requests().getFirst().getBodyAsString()).contains("\"value\":\"100.00\"");
    }

    @Test
    void aDescriptionLongerThanYooKassaAcceptsIsCutTo128Characters() throws Exception {
        wireMock.stubFor(createPayment().willReturn(json(200, CREATED)));
        String longer = "Пакет '10 Оживашек' ".repeat(10);

        yooKassa().create(new NewPayment(KEY, Money.rub(100), longer, "https://t.me/YourBot", Map.of()));

        String sent = new ObjectMapper().readTree(requests().getFirst().getBodyAsString()).path("description").asText();
        assertThat(sent).hasSize(128).endsWith("…").startsWith(longer.substring(0, 127));
        assertThat(YooKassaJson.description("short")).isEqualTo("short");
    }

    @Test
    void fetchReadsASucceededPaymentWithItsRefundedAmount() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).willReturn(json(200, SUCCEEDED)));

        ProviderPayment payment = yooKassa().fetch(PAYMENT_ID).orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.amount()).isEqualTo(Money.rub(100));
        assertThat(payment.refundedAmount()).isEqualTo(Money.rub(40));
        assertThat(payment.confirmationUrl()).isNull();
        assertThat(payment.metadata()).containsEntry("chat_id", "123456789").containsEntry("pack", "10");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID))
                .withHeader("Authorization", equalTo(AUTHORIZATION)));
    }

    @Test
    void fetchReadsACanceledPayment() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).willReturn(json(200, CANCELED)));

        ProviderPayment payment = yooKassa().fetch(PAYMENT_ID).orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(payment.status().isFinal()).isTrue();
        assertThat(payment.refundedAmount()).isEqualTo(new Money(BigDecimal.ZERO, "RUB"));
        assertThat(payment.metadata()).isEqualTo(Map.of("chat_id", "123456789"));
    }

    @Test
    void fetchRefundReadsTheRefund() {
        String refundId = "216749f7-0016-50be-b000-078d43a63ae4";
        wireMock.stubFor(get(urlPathEqualTo("/v3/refunds/" + refundId)).willReturn(json(200, REFUND)));

        var refund = yooKassa().fetchRefund(refundId).orElseThrow();

        assertThat(refund.id()).isEqualTo(refundId);
        assertThat(refund.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(refund.succeeded()).isTrue();
        assertThat(refund.amount()).isEqualTo(Money.rub(40));
    }

    @Test
    void anUnknownIdIsEmpty() {
        wireMock.stubFor(get(anyUrl()).willReturn(json(404, NOT_FOUND)));

        assertThat(yooKassa().fetch(PAYMENT_ID)).isEmpty();
        assertThat(yooKassa().fetchRefund("216749f7-0016-50be-b000-078d43a63ae4")).isEmpty();
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIdNotShapedLikeYooKassasIsEmptyWithoutARequest() {
        var yooKassa = yooKassa();

        assertThat(yooKassa.fetch("../refunds/216749f7-0016-50be-b000-078d43a63ae4")).isEmpty();
        assertThat(yooKassa.fetch("23d93cac-000f-5000-8000-126628f15141?x=1")).isEmpty();
        assertThat(yooKassa.fetchRefund("")).isEmpty();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBadRequestIsRejectedWithYooKassasCodeAndParameterAndNotRetried() {
        wireMock.stubFor(createPayment().willReturn(json(400, INVALID_REQUEST)));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().create(newPayment()));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.code()).isEqualTo("PAYMENT_PROVIDER_REJECTED");
        assertThat(failure.providerCode()).isEqualTo("invalid_request");
        assertThat(failure.getMessage()).contains("400 invalid_request: Idempotence key duplicated")
                .contains("parameter Idempotence-Key");
        assertThat(failure.retryAfter()).isNull();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
    }

    @Test
    void unauthorisedIsACredentialsFailureAndNotRetried() {
        wireMock.stubFor(createPayment().willReturn(json(401, INVALID_CREDENTIALS)));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().create(newPayment()));

        assertThat(failure.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(failure.providerCode()).isEqualTo("invalid_credentials");
        assertThat(failure.getMessage()).contains("401 invalid_credentials");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
    }

    @Test
    void forbiddenIsACredentialsFailureAndNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).willReturn(json(403, FORBIDDEN)));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().fetch(PAYMENT_ID));

        assertThat(failure.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(failure.providerCode()).isEqualTo("forbidden");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotenceKeyAndBody() {
        wireMock.stubFor(createPayment().inScenario("500").whenScenarioStateIs(STARTED)
                .willReturn(json(500, INTERNAL_ERROR)).willSetStateTo("recovered"));
        wireMock.stubFor(createPayment().inScenario("500").whenScenarioStateIs("recovered")
                .willReturn(json(200, CREATED)));

        ProviderPayment payment = yooKassa().create(newPayment());

        assertThat(payment.id()).isEqualTo(PAYMENT_ID);
        assertSameRequestTwice();
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterHeaderWithTheSameKey() {
        wireMock.stubFor(createPayment().inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(json(429, TOO_MANY_REQUESTS).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        wireMock.stubFor(createPayment().inScenario("429").whenScenarioStateIs("calm").willReturn(json(200, CREATED)));

        long started = System.nanoTime();
        ProviderPayment payment = yooKassa().create(newPayment());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        // the backoff alone would wait about 20 ms
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertSameRequestTwice();
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetIsNotWaitedFor() {
        wireMock.stubFor(createPayment().willReturn(json(429, TOO_MANY_REQUESTS).withHeader("Retry-After", "120")));

        long started = System.nanoTime();
        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().create(newPayment()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.providerCode()).isEqualTo("too_many_requests");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKey() {
        wireMock.stubFor(createPayment().inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(json(200, CREATED).withFixedDelay(800)).willSetStateTo("fast"));
        wireMock.stubFor(createPayment().inScenario("slow").whenScenarioStateIs("fast").willReturn(json(200, CREATED)));

        ProviderPayment payment = yooKassa().create(newPayment());

        assertThat(payment.id()).isEqualTo(PAYMENT_ID);
        awaitJournal(2, postRequestedFor(urlPathEqualTo("/v3/payments")));
        assertSameRequestTwice();
    }

    @Test
    void aDroppedConnectionIsRetried() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).inScenario("reset")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("up"));
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).inScenario("reset")
                .whenScenarioStateIs("up").willReturn(json(200, SUCCEEDED)));

        assertThat(yooKassa().fetch(PAYMENT_ID)).map(ProviderPayment::status).contains(PaymentStatus.SUCCEEDED);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)));
    }

    @Test
    void exhaustedRetriesAreUnavailableWithTheLastAnswer() {
        wireMock.stubFor(createPayment().willReturn(json(500, INTERNAL_ERROR)));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().create(newPayment()));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(failure.providerCode()).isEqualTo("internal_server_error");
        assertThat(failure.getMessage()).contains("POST /payments").contains("after 3 attempt(s)")
                .contains("500 internal_server_error");
        wireMock.verify(3, postRequestedFor(urlPathEqualTo("/v3/payments")));
        assertThat(requests()).extracting(r -> r.getHeader("Idempotence-Key")).containsOnly(KEY);
    }

    @Test
    void exhaustedTimeoutsAreUnavailable() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID))
                .willReturn(json(200, SUCCEEDED).withFixedDelay(800)));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().fetch(PAYMENT_ID));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("after 3 attempt(s)").contains("no answer within 300 ms");
        awaitJournal(3, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)));
    }

    @Test
    void anUnknownStatusWordIsAnUnreadableAnswer() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID))
                .willReturn(json(200, SUCCEEDED.replace("\"status\":\"succeeded\"", "\"status\":\"refunding\""))));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().fetch(PAYMENT_ID));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.providerCode()).isEqualTo("unreadable_answer");
        assertThat(failure.getMessage()).contains("unknown payment status 'refunding'");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)));
    }

    @Test
    void anAnswerThatIsNotAPaymentIsUnreadable() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID))
                .willReturn(json(200, SUCCEEDED.replace("\"value\":\"100.00\"", "\"value\":\"ten\""))));
        wireMock.stubFor(createPayment().willReturn(aResponse().withStatus(200).withBody("<html>ok</html>")));

        var amount = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().fetch(PAYMENT_ID));
        var html = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa().create(newPayment()));

        assertThat(amount.getMessage()).contains("amount is not an amount: 'ten'");
        assertThat(html.getMessage()).contains("not a JSON object");
        assertThat(List.of(amount.kind(), html.kind())).containsOnly(Kind.UNAVAILABLE);
    }

    @Test
    void withoutCredentialsACallFailsWithoutARequest() {
        var unconfigured = new YooKassaPaymentProvider(settings(null, " "));

        var failure = catchThrowableOfType(PaymentProviderException.class, () -> unconfigured.create(newPayment()));

        assertThat(failure.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(failure.getMessage()).contains("YOOKASSA_SHOP_ID").contains("YOOKASSA_SECRET_KEY");
        assertThat(catchThrowableOfType(PaymentProviderException.class, () -> unconfigured.fetch(PAYMENT_ID)).kind())
                .isEqualTo(Kind.CREDENTIALS);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSecretKeyIsNeverInAFailureMessage() {
        // a provider that echoes what it was sent must not make the secret travel further
        String echo = """
                {"type":"error","id":"ab5a11cd-13cc-4e33-af8b-75a74e18dd09","code":"invalid_request",
                 "description":"Bad key %s in %s","parameter":"Authorization"}""".formatted(SECRET, AUTHORIZATION);
        wireMock.stubFor(createPayment().willReturn(json(400, echo)));
        wireMock.stubFor(get(urlPathEqualTo("/v3/payments/" + PAYMENT_ID)).willReturn(json(401, INVALID_CREDENTIALS)));
        wireMock.stubFor(get(urlPathEqualTo("/v3/refunds/216749f7-0016-50be-b000-078d43a63ae4"))
                .willReturn(json(503, echo)));
        var yooKassa = yooKassa();

        List<PaymentProviderException> failures = List.of(
                catchThrowableOfType(PaymentProviderException.class, () -> yooKassa.create(newPayment())),
                catchThrowableOfType(PaymentProviderException.class, () -> yooKassa.fetch(PAYMENT_ID)),
                catchThrowableOfType(PaymentProviderException.class,
                        () -> yooKassa.fetchRefund("216749f7-0016-50be-b000-078d43a63ae4")));

        assertThat(failures).extracting(PaymentProviderException::kind)
                .containsExactly(Kind.REJECTED, Kind.CREDENTIALS, Kind.UNAVAILABLE);
        String encoded = AUTHORIZATION.substring("Basic ".length());
        for (PaymentProviderException failure : failures) {
            assertThat(failure.getMessage()).doesNotContain(SECRET).doesNotContain(encoded);
            assertThat(String.valueOf(failure)).doesNotContain(SECRET).doesNotContain(encoded);
        }
        assertThat(settings(SHOP_ID, SECRET).toString()).doesNotContain(SECRET).contains("secretKey=***");
    }

    /**
     * Waits (at most 3 s) until WireMock has journaled {@code count} requests: a request the client gave up on may
     * reach WireMock's journal only after the client's timeout on a loaded machine.
     */
    private static void awaitJournal(int count, RequestPatternBuilder pattern) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (wireMock.findAll(pattern).size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<LoggedRequest> requests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo("/v3/payments")));
    }

    /** Two POSTs of one create: the same Idempotence-Key and the same bytes. */
    private static void assertSameRequestTwice() {
        List<LoggedRequest> sent = requests();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(r -> r.getHeader("Idempotence-Key")).containsExactly(KEY, KEY);
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        assertThat(sent).extracting(r -> r.getHeader("Authorization")).containsOnly(AUTHORIZATION);
    }
}
