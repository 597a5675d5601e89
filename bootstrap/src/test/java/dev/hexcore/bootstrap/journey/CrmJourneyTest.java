package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.login;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 004's flower-shop CRM over HTTP: tenancy, catalogue, stock, orders through the workflow, tasks, supplies. */
@QuarkusTest
class CrmJourneyTest {
    private static final String API = "/api/v1";

    @Inject
    EnsureAdminUseCase admins;
    @Inject
    AgroalDataSource dataSource;

    private Account admin;
    private Key key;

    @BeforeEach
    void anAdminAndACrmKey() {
        admin = newAdmin(admins);
        key = createKey(admin, "[\"crm\"]", 100_000);
    }

    // --- the world -----------------------------------------------------------------------------------------

    /** A shop with a manager, a florist and a courier, each logged in with their role in the token. */
    record Shop(String id, Account manager, Account florist, Account courier) {
    }

    private Shop newShop(String markup, int rounding) {
        String id = asKey().body(Map.of("name", unique("shop"), "markup_percent", new java.math.BigDecimal(markup),
                "price_rounding", rounding)).post(API + "/shops").then().statusCode(201).extract().path("id");
        return new Shop(id, staff(id, "manager"), staff(id, "florist"), staff(id, "courier"));
    }

    private Account staff(String shopId, String role) {
        Account user = newUser(role);
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(role))).put(API + "/admin/users/" + user.id() + "/roles").then().statusCode(200);
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("user_id", user.id())).post(API + "/shops/" + shopId + "/staff").then().statusCode(201);
        return new Account(user.id(), user.username(), login(newAddress(), user.username(), PASSWORD));
    }

    private RequestSpecification asKey() {
        return apiKey(key.secret()).contentType(ContentType.JSON);
    }

    private RequestSpecification asKey(String shopId) {
        return asKey().queryParam("shop_id", shopId);
    }

    private static RequestSpecification as(Account account) {
        return bearer(newAddress(), account.tokens().access()).contentType(ContentType.JSON);
    }

    private String customer(String shopId, String name, String phone) {
        return asKey(shopId).body(Map.of("name", name, "phone", phone)).post(API + "/customers")
                .then().statusCode(201).extract().path("id");
    }

    private String item(String shopId, String name, int quantity, String unitCost) {
        return asKey(shopId).body(Map.of("name", name, "unit", "шт", "quantity", quantity,
                        "unit_cost", new java.math.BigDecimal(unitCost), "min_quantity", 2))
                .post(API + "/warehouse").then().statusCode(201).extract().path("id");
    }

    private String product(String shopId, String name, int price, Map<String, Object>... components) {
        return asKey(shopId).body(Map.of("name", name, "price", price, "components", List.of(components)))
                .post(API + "/products").then().statusCode(201).extract().path("id");
    }

    private String order(String shopId, String customerId, String productId, int quantity) {
        return asKey(shopId).body(Map.of("customer_id", customerId, "items",
                        List.of(Map.of("product_id", productId, "quantity", quantity)),
                        "delivery_address", "Москва, Тверская, 7", "delivery_date", "2026-12-08",
                        "delivery_time_from", "10:00", "delivery_time_to", "12:00", "recipient_name", "Ирина",
                        "recipient_phone", "8 903 555-11-22", "card_text", "С днём рождения!"))
                .post(API + "/orders").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> component(String itemId, String quantity) {
        return Map.of("warehouse_item_id", itemId, "quantity", new java.math.BigDecimal(quantity));
    }

    private Response move(RequestSpecification who, String orderId, String status) {
        return who.body(Map.of("status", status)).post(API + "/orders/" + orderId + "/status");
    }

    private JsonPath stock(String shopId, String itemId) {
        return asKey(shopId).get(API + "/warehouse/" + itemId).then().statusCode(200).extract().jsonPath();
    }

    // --- journeys ------------------------------------------------------------------------------------------

    @Test
    void anOrderGoesThroughTheWorkflowWithStockTasksHistoryAndEvents() {
        Shop shop = newShop("150", 50);
        String roses = item(shop.id(), "Роза", 20, "55.00");
        String ribbon = item(shop.id(), "Лента", 10, "12.50");
        String bouquet = product(shop.id(), "Букет «Нежность»", 2500, component(roses, "7"), component(ribbon, "0.5"));
        as(shop.florist()).post(API + "/products/" + bouquet + "/calculate").then().statusCode(200)
                .body("cost.value", org.hamcrest.Matchers.equalTo("391.25"))
                .body("price.value", org.hamcrest.Matchers.equalTo("1000.00"))
                .body("components.size()", org.hamcrest.Matchers.equalTo(2));
        String anna = customer(shop.id(), "Анна Смирнова", "8 (916) 123-45-67");
        String orderId = order(shop.id(), anna, bouquet, 2);

        JsonPath placed = as(shop.courier()).get(API + "/orders/" + orderId).then().statusCode(200).extract().jsonPath();
        assertThat(placed.getString("status")).isEqualTo("new");
        assertThat(placed.getLong("number")).isEqualTo(1);
        assertThat(placed.getString("customer.phone")).isEqualTo("+79161234567");
        assertThat(placed.getString("recipient_phone")).isEqualTo("+79035551122");
        assertThat(placed.getString("items[0].unit_price.value")).isEqualTo("2500.00");
        assertThat(placed.getString("total.value")).isEqualTo("5000.00");
        assertThat(placed.getList("history.to_status")).containsExactly("new");

        // the role matrix over HTTP: a florist and a courier may not confirm; the manager may
        move(as(shop.florist()), orderId, "confirmed").then().statusCode(403);
        move(as(shop.courier()), orderId, "confirmed").then().statusCode(403);
        move(as(shop.manager()), orderId, "confirmed").then().statusCode(200);
        assertThat(stock(shop.id(), roses).getString("reserved")).isEqualTo("14.000");
        assertThat(stock(shop.id(), ribbon).getString("reserved")).isEqualTo("1.000");
        move(as(shop.manager()), orderId, "confirmed").then().statusCode(409);   // never reserved twice
        assertThat(stock(shop.id(), roses).getString("reserved")).isEqualTo("14.000");

        // one task per item; the florist takes it, starts (order in production) and completes it (order ready)
        String task = as(shop.florist()).queryParam("order_id", orderId).get(API + "/production-tasks")
                .then().statusCode(200).extract().path("items[0].id");
        as(shop.courier()).body(Map.of("florist_id", shop.courier().id())).post(API + "/production-tasks/" + task + "/assign")
                .then().statusCode(422);   // not a florist
        as(shop.florist()).post(API + "/production-tasks/" + task + "/start").then().statusCode(403);   // not taken yet
        as(shop.florist()).body(Map.of("florist_id", shop.florist().id())).post(API + "/production-tasks/" + task + "/assign")
                .then().statusCode(200);
        as(shop.florist()).post(API + "/production-tasks/" + task + "/start").then().statusCode(200);
        assertThat(as(shop.manager()).get(API + "/orders/" + orderId).then().extract().<String>path("status"))
                .isEqualTo("in_production");
        as(shop.florist()).post(API + "/production-tasks/" + task + "/complete").then().statusCode(200);

        move(as(shop.florist()), orderId, "delivering").then().statusCode(403);
        move(as(shop.courier()), orderId, "delivering").then().statusCode(200);
        move(as(shop.courier()), orderId, "delivered").then().statusCode(200);
        assertThat(stock(shop.id(), roses).getString("quantity")).isEqualTo("6.000");
        assertThat(stock(shop.id(), roses).getString("reserved")).isEqualTo("0.000");
        move(as(shop.manager()), orderId, "cancelled").then().statusCode(409);   // delivered is final

        JsonPath history = as(shop.florist()).get(API + "/orders/" + orderId + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("to_status")).containsExactly("new", "confirmed", "in_production", "ready",
                "delivering", "delivered");
        assertThat(history.getList("changed_by_name")).containsExactly(null, shop.manager().username(),
                shop.florist().username(), shop.florist().username(), shop.courier().username(), shop.courier().username());
        // every change of the order (placing it and each move) left one order_update event in the outbox
        assertThat(outboxEvents(orderId)).isEqualTo(history.getList("to_status").size());
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStockAndTasks() {
        Shop shop = newShop("0", 1);
        String roses = item(shop.id(), "Роза", 5, "50.00");
        String mono = product(shop.id(), "Моно", 300, component(roses, "1"));
        String orderId = order(shop.id(), customer(shop.id(), "Пётр", "+79990000001"), mono, 5);
        move(as(shop.manager()), orderId, "confirmed").then().statusCode(200);
        assertThat(stock(shop.id(), roses).getString("available")).isEqualTo("0.000");
        asKey(shop.id()).get(API + "/warehouse/low-stock").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(roses));
        move(as(shop.manager()), orderId, "cancelled").then().statusCode(200);
        assertThat(stock(shop.id(), roses).getString("available")).isEqualTo("5.000");
        assertThat(stock(shop.id(), roses).getString("quantity")).isEqualTo("5.000");
        asKey(shop.id()).queryParam("order_id", orderId).get(API + "/production-tasks").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("cancelled")));
    }

    @Test
    void fiftyParallelConfirmationsForStockEnoughForTenLetExactlyTenThrough() throws Exception {
        Shop shop = newShop("0", 1);
        String roses = item(shop.id(), "Роза", 10, "50.00");
        String mono = product(shop.id(), "Моно", 300, component(roses, "1"));
        String client = customer(shop.id(), "Оптовик", "+79990000002");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) orders.add(order(shop.id(), client, mono, 1));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String orderId : orders) answers.add(pool.submit(() -> move(asKey(shop.id()), orderId, "confirmed")));
            int confirmed = 0;
            int short_ = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 200) confirmed++;
                else {
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
                    assertThat(response.jsonPath().getString("code")).isEqualTo("INSUFFICIENT_STOCK");
                    assertThat(response.jsonPath().getString("shortages[0].warehouse_item_id")).isEqualTo(roses);
                    assertThat(response.jsonPath().getString("shortages[0].needed")).isEqualTo("1.000");
                    short_++;
                }
            }
            assertThat(confirmed).isEqualTo(10);
            assertThat(short_).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        JsonPath item = stock(shop.id(), roses);
        assertThat(item.getString("available")).isEqualTo("0.000");
        assertThat(item.getString("reserved")).isEqualTo("10.000");
        asKey(shop.id()).queryParam("status", "confirmed").get(API + "/orders").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(10));
    }

    @Test
    void aSupplyIsReceivedOnceAndAveragesTheUnitCost() {
        Shop shop = newShop("0", 1);
        String roses = item(shop.id(), "Роза", 10, "50.00");
        String supply = as(shop.manager()).body(Map.of("supplier", "Голландия Флора", "items",
                        List.of(Map.of("warehouse_item_id", roses, "quantity", "30", "unit_cost", "70.00"))))
                .post(API + "/supplies").then().statusCode(201).extract().path("id");
        as(shop.florist()).post(API + "/supplies/" + supply + "/receive").then().statusCode(403);
        as(shop.manager()).post(API + "/supplies/" + supply + "/receive").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("received"));
        as(shop.manager()).post(API + "/supplies/" + supply + "/receive").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("SUPPLY_ALREADY_RECEIVED"));
        JsonPath item = stock(shop.id(), roses);
        assertThat(item.getString("quantity")).isEqualTo("40.000");
        assertThat(item.getString("unit_cost.value")).isEqualTo("65.00");   // (10 × 50 + 30 × 70) / 40
    }

    @Test
    void amountsAreExactDecimalsAsNumbersOrStringsAndAnythingElseIsRefused() {
        Shop shop = newShop("0", 1);
        String roses = item(shop.id(), "Роза", 10, "50.00");
        asKey(shop.id()).body(Map.of("name", "Без цены", "components", List.of())).post(API + "/products")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("price"));
        asKey(shop.id()).body(Map.of("name", "Дробная", "price", "10.005")).post(API + "/products")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("price"));
        asKey(shop.id()).body(Map.of("name", "Букет", "price", "abc")).post(API + "/products")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("MALFORMED_JSON"));
        asKey(shop.id()).body(Map.of("name", "Букет", "price", "0.10", "components",
                        List.of(Map.of("warehouse_item_id", roses, "quantity", "0.1")))).post(API + "/products")
                .then().statusCode(201).body("price.value", org.hamcrest.Matchers.equalTo("0.10"))
                .body("components[0].quantity", org.hamcrest.Matchers.equalTo("0.100"));
        asKey(shop.id()).body(Map.of("name", "Чужой", "price", 1, "components",
                        List.of(Map.of("warehouse_item_id", UUID.randomUUID().toString(), "quantity", 1)))).post(API + "/products")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("warehouse_item_id"));
    }

    @Test
    void aProductTakesUploadedAndHttpsImageUrlsAndNothingElse() throws IOException {
        Shop shop = newShop("0", 1);
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", png);
        String uploaded = bearer(newAddress(), shop.manager().tokens().access())
                .multiPart("file", "rose.png", png.toByteArray(), "image/png").post(API + "/uploads/images")
                .then().statusCode(201).extract().path("url");
        List<String> urls = List.of(uploaded, "https://cdn.example.com/roses/1.jpg");

        String id = as(shop.manager()).queryParam("shop_id", shop.id())
                .body(Map.of("name", "Букет", "price", 100, "image_urls", urls)).post(API + "/products")
                .then().statusCode(201).extract().path("id");
        assertThat(asKey(shop.id()).get(API + "/products/" + id).then().statusCode(200).extract()
                .jsonPath().getList("image_urls", String.class)).isEqualTo(urls);
        from(newAddress()).get(uploaded).then().statusCode(200).contentType("image/png");
        asKey(shop.id()).body(Map.of("name", "Букет", "price", 100, "image_urls", List.of(uploaded)))
                .put(API + "/products/" + id).then().statusCode(200)
                .body("image_urls", org.hamcrest.Matchers.contains(uploaded));

        for (String bad : List.of("http://cdn.example.com/1.jpg", "/api/v1/uploads/images/../../etc/passwd",
                "javascript:alert(1)", "/elsewhere/x.png", "")) {
            asKey(shop.id()).body(Map.of("name", "Букет", "price", 100, "image_urls", List.of(bad)))
                    .put(API + "/products/" + id).then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("image_urls"));
        }
        asKey(shop.id()).body(Map.of("name", "Букет", "price", 100,
                        "image_urls", Collections.nCopies(11, uploaded))).post(API + "/products")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("image_urls"));
        asKey(shop.id()).get(API + "/products/" + id).then().body("image_urls", org.hamcrest.Matchers.contains(uploaded));
    }

    @Test
    void ordersAreFoundByNameInAnyCaseAndByPhoneAndFollowARenamedCustomer() {
        Shop shop = newShop("0", 1);
        String product = product(shop.id(), "Открытка", 100);
        String olga = customer(shop.id(), "Ольга Ёлкина", "+79993000001");
        String ivan = customer(shop.id(), "Иван", "+79993000002");
        String first = order(shop.id(), olga, product, 1);
        order(shop.id(), ivan, product, 1);

        for (String search : List.of("ёЛКИНа", "ОЛЬГА", "93000001")) {
            asKey(shop.id()).queryParam("search", search).get(API + "/orders").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1)).body("items[0].id", org.hamcrest.Matchers.equalTo(first));
        }
        asKey(shop.id()).body(Map.of("name", "Ольга Сосновая", "phone", "+79993000001")).put(API + "/customers/" + olga)
                .then().statusCode(200);
        asKey(shop.id()).queryParam("search", "ёлкина").get(API + "/orders").then().body("total", org.hamcrest.Matchers.equalTo(0));
        asKey(shop.id()).queryParam("search", "СОСНОВАЯ").get(API + "/orders").then()
                .body("items.id", org.hamcrest.Matchers.contains(first));
        asKey(shop.id()).queryParam("search", "_").get(API + "/orders").then().body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void customerListsSearchPageAndCountAndPhonesAreUniquePerShop() {
        Shop shop = newShop("0", 1);
        Shop other = newShop("0", 1);
        for (int i = 0; i < 5; i++) customer(shop.id(), "Мария " + i, "+7999100000" + i);
        customer(shop.id(), "Иван", "+79992000000");
        customer(other.id(), "Мария из другого", "+79991000000");   // same phone, other shop: fine
        asKey(shop.id()).body(Map.of("name", "Дубль", "phone", "8 999 100-00-00")).post(API + "/customers")
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("CUSTOMER_PHONE_TAKEN"));

        JsonPath page = as(shop.courier()).queryParam("search", "мАрИя").queryParam("limit", 2).queryParam("skip", 2)
                .get(API + "/customers").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(5);
        assertThat(page.getInt("skip")).isEqualTo(2);
        assertThat(page.getList("items.name")).containsExactly("Мария 2", "Мария 1");   // newest first
        as(shop.courier()).queryParam("search", "9992").get(API + "/customers").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.contains("Иван"));
        as(shop.courier()).queryParam("skip", 50).get(API + "/customers").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(6)).body("items.size()", org.hamcrest.Matchers.equalTo(0));
        as(shop.courier()).queryParam("limit", 501).get(API + "/customers").then().statusCode(422);
        as(shop.courier()).queryParam("search", "100%").get(API + "/customers").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));   // % is literal
    }

    /**
     * Every CRM operation in the OpenAPI document, called by the manager of another shop against shop A's resources
     * (path ids of A, or {@code ?shop_id=} of A): all 404, except creating a shop, which is not a shop's data (403).
     * Each operation is also checked to be documented: an operationId and an example of its success answer.
     */
    @Test
    void noCrmRouteLetsAnotherShopsStaffSeeOrChangeAnything() {
        Shop a = newShop("0", 1);
        Shop b = newShop("0", 1);
        String roses = item(a.id(), "Роза", 10, "50.00");
        String mono = product(a.id(), "Моно", 300, component(roses, "1"));
        String client = customer(a.id(), "Клиент", "+79990000003");
        String orderId = order(a.id(), client, mono, 1);
        move(asKey(a.id()), orderId, "confirmed").then().statusCode(200);
        String task = asKey(a.id()).get(API + "/production-tasks").then().extract().path("items[0].id");
        String supply = asKey(a.id()).body(Map.of("supplier", "S", "items",
                List.of(Map.of("warehouse_item_id", roses, "quantity", 1, "unit_cost", 1)))).post(API + "/supplies")
                .then().statusCode(201).extract().path("id");
        Map<String, String> ids = Map.of("shops", a.id(), "customers", client, "products", mono, "warehouse", roses,
                "supplies", supply, "orders", orderId, "production-tasks", task);

        Map<String, Object> paths = from(newAddress()).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Pattern crm = Pattern.compile("/api/v1/(shops|customers|products|warehouse|supplies|orders|production-tasks)(/.*)?");
        int checked = 0;
        for (var path : paths.entrySet()) {
            Matcher m = crm.matcher(path.getKey());
            if (!m.matches()) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> operations = (Map<String, Object>) path.getValue();
            for (String method : operations.keySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) continue;
                assertDocumented(method + " " + path.getKey(), operations.get(method));
                String url = path.getKey().replace("{userId}", a.florist().id()).replaceAll("\\{id}", ids.get(m.group(1)));
                Response response = as(b.manager()).queryParam("shop_id", a.id()).body(bodyFor(url, a))
                        .request(method.toUpperCase(), url);
                int expected = method.equals("post") && url.equals(API + "/shops") ? 403 : 404;
                assertThat(response.statusCode()).as("%s %s: %s", method, url, response.asString()).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        // and nothing of A changed
        asKey(a.id()).get(API + "/orders/" + orderId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("confirmed"));
        assertThat(stock(a.id(), roses).getString("quantity")).isEqualTo("10.000");
        asKey(a.id()).get(API + "/shops/" + a.id() + "/staff").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(3));
    }

    /** An operationId, and an example of the success answer (204 has no body to show). */
    @SuppressWarnings("unchecked")
    private static void assertDocumented(String operation, Object spec) {
        Map<String, Object> op = (Map<String, Object>) spec;
        assertThat(op.get("operationId")).as("operationId of %s", operation).isNotNull();
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
        if (success.equals("204")) return;
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) responses.get(success)).get("content");
        assertThat(content).as("success content of %s", operation).isNotNull();
        assertThat(content.values().stream().anyMatch(media -> ((Map<String, Object>) media).get("examples") != null))
                .as("success example of %s", operation).isTrue();
    }

    private static Map<String, Object> bodyFor(String url, Shop a) {
        if (url.endsWith("/staff")) return Map.of("user_id", a.florist().id());
        if (url.endsWith("/status")) return Map.of("status", "cancelled");
        if (url.endsWith("/assign")) return Map.of("florist_id", a.florist().id());
        return Map.of("name", "x");
    }

    private int outboxEvents(String orderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from jobs where type = 'order_update' and subject_id = ?")) {
            s.setObject(1, UUID.fromString(orderId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
