package dev.hexcore.bootstrap.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.login;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.application.recommendation.RegenerateRecommendationsUseCase;
import dev.hexcore.application.recommendation.RegenerateRecommendationsUseCase.BatchRun;
import dev.hexcore.bootstrap.support.HexcoreTestInfrastructure;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.domain.recommendation.OrderScope;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's recommendations over HTTP, on the suite's PostgreSQL and Redis, with Gemini's stand-in answering. Orders
 * are written straight into the CRM tables (the CRM journey covers how they get there); each test uses its own
 * Telegram ids and a marker in its product names, which reaches the prompt, so WireMock counts its calls alone.
 */
@QuarkusTest
class RecommendationJourneyTest {
    private static final String API = "/api/v1";
    private static final String GOOD = "{\"summary\":\"Вы часто заказываете пионы по пятницам.\",\"tips\":["
            + "\"Заказывайте накануне пятницы.\",\"Попробуйте сезонные цветы.\",\"Подпишитесь на доставку пионов.\"]}";
    private static final String TWO_TIPS = "{\"summary\":\"Коротко.\",\"tips\":[\"Первый совет.\",\"Второй совет.\"]}";

    @Inject
    EnsureAdminUseCase admins;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    RegenerateRecommendationsUseCase batch;
    @Inject
    RecommendationStore store;

    private Account admin;
    private String marker;

    @BeforeEach
    void anAdminAndAMarker() {
        admin = newAdmin(admins);
        marker = "m" + UUID.randomUUID().toString().replace("-", "");
    }

    // --- the world -----------------------------------------------------------------------------------------

    private static WireMockServer gemini() {
        return HexcoreTestInfrastructure.providers();
    }

    private static String path() {
        return "/v1beta/models/" + HexcoreTestInfrastructure.RECOMMENDATION_MODEL + ":generateContent";
    }

    /** Gemini answers prompts carrying this test's marker with {@code json}, after {@code delayMs}. */
    private void modelAnswers(String json, int delayMs) {
        String text = json.replace("\\", "\\\\").replace("\"", "\\\"");
        gemini().stubFor(post(urlPathEqualTo(path())).withRequestBody(containing(marker)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(delayMs)
                .withBody("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                        + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":90,"
                        + "\"candidatesTokenCount\":40,\"totalTokenCount\":130},\"modelVersion\":\"reco\"}")));
    }

    private int modelCalls() {
        RequestPatternBuilder calls = postRequestedFor(urlPathEqualTo(path())).withRequestBody(containing(marker));
        return gemini().countRequestsMatching(calls.build()).getCount();
    }

    private static long newTelegramId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1L << 50);
    }

    private UUID newShop() {
        UUID id = UUID.randomUUID();
        sql("insert into crm_shops (id, name, currency, markup_percent, price_rounding, created_at) values (?, ?, 'RUB', 0, 1, now())",
                id, "shop " + marker);
        return id;
    }

    /** {@code count} orders of the customer with this Telegram id in the shop, {@code daysAgo} days old, two items each. */
    private void orders(UUID shop, long telegramId, int count, int daysAgo, String status) {
        UUID customer = sqlValue("select id from crm_customers where shop_id = ? and telegram_id = ?", shop, telegramId);
        if (customer == null) {
            customer = UUID.randomUUID();
            sql("insert into crm_customers (id, shop_id, name, phone, telegram_id, created_at, updated_at) values (?, ?, 'Анна', ?, ?, now(), now())",
                    customer, shop, "+7916" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), telegramId);
        }
        UUID peonies = product(shop, "Пионы " + marker);
        UUID roses = product(shop, "Розы " + marker);
        for (int i = 0; i < count; i++) {
            UUID order = UUID.randomUUID();
            Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60L * i));
            sql("insert into crm_orders (id, shop_id, number, customer_id, status, total, currency, search_text, created_at, updated_at) "
                    + "values (?, ?, (select coalesce(max(number), 0) + 1 from crm_orders where shop_id = ?), ?, ?, 2500.00, 'RUB', ?, ?, ?)",
                    order, shop, shop, customer, status, marker, at, at);
            sql("insert into crm_order_items (id, order_id, position, product_id, product_name, quantity, unit_price) values (?, ?, 1, ?, ?, 3, 500.00)",
                    UUID.randomUUID(), order, peonies, "Пионы " + marker);
            sql("insert into crm_order_items (id, order_id, position, product_id, product_name, quantity, unit_price) values (?, ?, 2, ?, ?, 1, 1000.00)",
                    UUID.randomUUID(), order, roses, "Розы " + marker);
        }
    }

    private UUID product(UUID shop, String name) {
        UUID existing = sqlValue("select id from crm_products where shop_id = ? and name = ?", shop, name);
        if (existing != null) return existing;
        UUID id = UUID.randomUUID();
        sql("insert into crm_products (id, shop_id, name, price, currency, created_at, updated_at) values (?, ?, ?, 500, 'RUB', now(), now())",
                id, shop, name);
        return id;
    }

    /** A user linked to this Telegram id (PATCH /users/me), logged in again. */
    private Account telegramUser(long telegramId) {
        Account user = newUser("tg");
        as(user).body(Map.of("telegram_id", telegramId)).patch(API + "/users/me").then().statusCode(200);
        return new Account(user.id(), user.username(), login(newAddress(), user.username(), PASSWORD));
    }

    private Account manager(UUID shop) {
        Account user = newUser("manager");
        as(admin).body(Map.of("roles", List.of("manager"))).put(API + "/admin/users/" + user.id() + "/roles").then().statusCode(200);
        sql("insert into crm_staff (user_id, shop_id, added_at) values (?, ?, now())", UUID.fromString(user.id()), shop);
        return new Account(user.id(), user.username(), login(newAddress(), user.username(), PASSWORD));
    }

    private static io.restassured.specification.RequestSpecification as(Account account) {
        return bearer(newAddress(), account.tokens().access()).contentType(ContentType.JSON);
    }

    private static Response generate(Account account, long telegramId) {
        return as(account).post(API + "/users/" + telegramId + "/recommendations/generate");
    }

    private static Response read(Account account, long telegramId) {
        return as(account).get(API + "/users/" + telegramId + "/recommendations");
    }

    // --- the rules -----------------------------------------------------------------------------------------

    @Test
    void selfSeesEveryShopAManagerOnlyTheirsAndAnyoneElseIsRefused() {
        modelAnswers(GOOD, 0);
        UUID shopA = newShop();
        UUID shopB = newShop();
        long tgid = newTelegramId();
        orders(shopA, tgid, 4, 1, "delivered");
        orders(shopB, tgid, 2, 2, "new");
        orders(shopB, tgid, 3, 3, "cancelled");    // cancelled orders do not count
        orders(shopA, tgid, 2, 40, "delivered");   // outside the 30 days
        Account self = telegramUser(tgid);

        Response mine = generate(self, tgid);
        assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(200);
        assertThat(mine.jsonPath().getString("summary")).isEqualTo("Вы часто заказываете пионы по пятницам.");
        assertThat(mine.jsonPath().getList("tips")).hasSize(3);
        assertThat(mine.jsonPath().getInt("stats.orders_count")).isEqualTo(6);
        assertThat(mine.jsonPath().getString("stats.total_spent")).isEqualTo("15000.00");
        assertThat(mine.jsonPath().getString("stats.average_order_value")).isEqualTo("2500.00");
        assertThat(mine.jsonPath().getString("stats.favourite_products[0].name")).isEqualTo("Пионы " + marker);
        assertThat(mine.jsonPath().getLong("stats.favourite_products[0].count")).isEqualTo(18);
        assertThat(mine.jsonPath().getLong("stats.favourite_products[1].count")).isEqualTo(6);
        assertThat(mine.jsonPath().getList("stats.preferred_hours")).isNotEmpty();
        assertThat(mine.jsonPath().getString("stats.last_order_at")).isNotNull();

        // a cache hit: the same generation, same generated_at
        Response cached = read(self, tgid);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.jsonPath().getString("generated_at")).isEqualTo(mine.jsonPath().getString("generated_at"));
        assertThat(modelCalls()).isEqualTo(1);

        // shop A's manager sees shop A's 4 orders only: 400 with the count, and no entry in their scope
        Account managerA = manager(shopA);
        Response tooFew = generate(managerA, tgid);
        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertThat(tooFew.contentType()).startsWith(PROBLEM_JSON);
        assertThat(tooFew.jsonPath().getString("code")).isEqualTo("NOT_ENOUGH_ORDERS");
        assertThat(tooFew.jsonPath().getInt("orders_count")).isEqualTo(4);
        assertThat(tooFew.jsonPath().getInt("minimum")).isEqualTo(5);
        assertThat(read(managerA, tgid).statusCode()).isEqualTo(404);

        // an admin reads the every-shop entry
        assertThat(read(admin, tgid).jsonPath().getString("generated_at")).isEqualTo(mine.jsonPath().getString("generated_at"));

        // another customer, and a user with no role, are refused
        Account stranger = telegramUser(newTelegramId());
        assertThat(read(stranger, tgid).statusCode()).isEqualTo(403);
        assertThat(generate(stranger, tgid).statusCode()).isEqualTo(403);
        assertThat(generate(newUser("plain"), tgid).statusCode()).isEqualTo(403);
        assertThat(read(self, 0).statusCode()).isEqualTo(404);
        assertThat(modelCalls()).isEqualTo(1);
    }

    @Test
    void generatingAgainWithinTheCooldownIsRefusedWithRetryAfter() {
        modelAnswers(GOOD, 0);
        UUID shop = newShop();
        long tgid = newTelegramId();
        orders(shop, tgid, 5, 1, "delivered");
        Account self = telegramUser(tgid);

        assertThat(generate(self, tgid).statusCode()).isEqualTo(200);
        Response again = generate(self, tgid);

        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.jsonPath().getString("code")).isEqualTo("RECOMMENDATIONS_COOLDOWN");
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(500L, 600L);
        assertThat(modelCalls()).isEqualTo(1);
    }

    @Test
    void tenConcurrentGenerateCallsShareOneModelCall() throws Exception {
        modelAnswers(GOOD, 1500);
        UUID shop = newShop();
        long tgid = newTelegramId();
        orders(shop, tgid, 5, 1, "delivered");
        Account self = telegramUser(tgid);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) calls.add(() -> generate(self, tgid));
            List<String> generatedAt = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                Response response = answer.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                generatedAt.add(response.jsonPath().getString("generated_at"));
            }
            assertThat(generatedAt).containsOnly(generatedAt.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(modelCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerThatStaysBrokenAfterRepairIsA502AndNothingIsCached() {
        modelAnswers(TWO_TIPS, 0);
        UUID shop = newShop();
        long tgid = newTelegramId();
        orders(shop, tgid, 5, 1, "delivered");
        Account self = telegramUser(tgid);

        Response broken = generate(self, tgid);

        assertThat(broken.statusCode()).as(broken.asString()).isEqualTo(502);
        assertThat(broken.contentType()).startsWith(PROBLEM_JSON);
        assertThat(modelCalls()).isEqualTo(2);   // the answer, then one repair round (mode balanced)
        assertThat(read(self, tgid).statusCode()).isEqualTo(404);
    }

    @Test
    void theBatchRegeneratesExactlyTheStaleEligibleUsersOnceAcrossTwoInstances() throws Exception {
        modelAnswers(GOOD, 300);
        UUID shop = newShop();
        long missing = newTelegramId();
        long stale = newTelegramId();
        long fresh = newTelegramId();
        long tooFew = newTelegramId();
        orders(shop, missing, 5, 1, "delivered");
        orders(shop, stale, 6, 2, "delivered");
        orders(shop, fresh, 5, 3, "delivered");
        orders(shop, tooFew, 4, 1, "delivered");
        Recommendation old = new Recommendation("старое", List.of("a", "b", "c"), Instant.now().minus(Duration.ofHours(21)),
                new dev.hexcore.domain.recommendation.OrderStats(6, new BigDecimal("1.00"), new BigDecimal("1.00"), "RUB",
                        List.of(), List.of(), List.of(), Instant.now()));
        Recommendation recent = new Recommendation("свежее", List.of("a", "b", "c"), Instant.now().minus(Duration.ofHours(1)),
                old.stats());
        store.save(OrderScope.everyShop(stale).cacheKey(), old, Duration.ofHours(24));
        store.save(OrderScope.everyShop(fresh).cacheKey(), recent, Duration.ofHours(24));

        // two replicas' schedulers fire at once: the same use case twice, concurrently, on the same PostgreSQL and Redis
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<BatchRun> runs = new ArrayList<>();
        try {
            for (Future<BatchRun> run : replicas.invokeAll(List.<Callable<BatchRun>>of(batch::regenerateStale, batch::regenerateStale))) {
                runs.add(run.get());
            }
        } finally {
            replicas.shutdownNow();
        }

        List<Long> regenerated = new ArrayList<>();
        runs.forEach(run -> regenerated.addAll(run.regenerated()));
        assertThat(regenerated).doesNotHaveDuplicates().contains(missing, stale).doesNotContain(fresh, tooFew);
        assertThat(modelCalls()).isEqualTo(2);
        assertThat(store.find(OrderScope.everyShop(stale).cacheKey()).orElseThrow().summary())
                .isEqualTo("Вы часто заказываете пионы по пятницам.");
        assertThat(store.find(OrderScope.everyShop(fresh).cacheKey()).orElseThrow().summary()).isEqualTo("свежее");
        assertThat(store.find(OrderScope.everyShop(tooFew).cacheKey())).isEmpty();
    }

    // --- plain SQL for the world ---------------------------------------------------------------------------

    private void sql(String statement, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID sqlValue(String statement, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (var rows = ps.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
