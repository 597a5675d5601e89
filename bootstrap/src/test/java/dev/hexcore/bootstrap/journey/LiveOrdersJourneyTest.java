package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.login;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: staff of two shops connected to /ws and its alias /ws/orders; each sees only its own shop's order changes, promptly. */
@QuarkusTest
class LiveOrdersJourneyTest {
    private static final String API = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EnsureAdminUseCase admins;

    private Account admin;
    private Key key;

    @BeforeEach
    void anAdminAndACrmKey() {
        admin = newAdmin(admins);
        key = createKey(admin, "[\"crm\"]", 100_000);
    }

    @Test
    void eachShopsStaffReceiveTheirOwnShopsOrderUpdatesOnly() throws Exception {
        String shopA = newShop();
        String shopB = newShop();
        Account staffA = staff(shopA);
        Account staffB = staff(shopB);
        Client a = connect(ticket(staffA));
        Client b = connect("/ws/orders", ticket(staffB));   // the conventions.md path serves the same updates
        String productA = product(shopA);
        String customerA = customer(shopA);

        long start = System.nanoTime();
        String orderA = order(shopA, customerA, productA);
        eventually(Duration.ofSeconds(3), () -> assertThat(a.messages).hasSize(1));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        JsonNode update = JSON.readTree(a.messages.getFirst());
        assertThat(update.path("type").asText()).isEqualTo("order_update");
        assertThat(update.path("data").path("id").asText()).isEqualTo(orderA);
        assertThat(update.path("data").path("status").asText()).isEqualTo("new");
        assertThat(tookMs).as("delivered %d ms after the order was placed", tookMs).isLessThan(1_500);

        String orderB = order(shopB, customer(shopB), product(shopB));
        eventually(Duration.ofSeconds(3), () -> assertThat(b.messages).hasSize(1));
        assertThat(JSON.readTree(b.messages.getFirst()).path("data").path("id").asText()).isEqualTo(orderB);
        Thread.sleep(500);   // room for a wrongly routed update to arrive
        assertThat(a.messages).hasSize(1);
        assertThat(b.messages).hasSize(1);

        a.socket.abort();
        b.socket.abort();
    }

    @Test
    void aDisabledUserIsDisconnected() throws Exception {
        String shop = newShop();
        Account staff = staff(shop);
        Client client = connect(ticket(staff));

        bearer(newAddress(), admin.tokens().access()).post(API + "/admin/users/" + staff.id() + "/disable").then()
                .statusCode(200);

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test
    void aTicketOpensOneConnectionAndOnlyStaffGetOne() throws Exception {
        String shop = newShop();
        String ticket = ticket(staff(shop));
        Client first = connect(ticket);
        Client again = connect(ticket);
        Client none = connect("");

        // both handshakes succeed; whichever redeems the ticket first keeps its connection, the other is closed
        assertThat(CompletableFuture.anyOf(first.closed, again.closed).get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(none.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        Thread.sleep(300);
        assertThat(List.of(first.closed.isDone(), again.closed.isDone())).containsExactlyInAnyOrder(true, false);
        Client kept = first.closed.isDone() ? again : first;

        bearer(newAddress(), newUser("no_shop").tokens().access()).post(API + "/ws/ticket").then().statusCode(403);
        bearer(newAddress(), admin.tokens().access()).post(API + "/ws/ticket").then().statusCode(403);
        apiKey(key.secret()).post(API + "/ws/ticket").then().statusCode(403);
        kept.socket.abort();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A connected WebSocket client and what it has received. */
    private static final class Client implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    private static Client connect(String ticket) throws Exception {
        return connect("/ws", ticket);
    }

    private static Client connect(String path, String ticket) throws Exception {
        Client client = new Client();
        URI uri = URI.create("ws://localhost:" + RestAssured.port + path + "?ticket=" + ticket);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client).get(5, TimeUnit.SECONDS);
        return client;
    }

    private static String ticket(Account staff) {
        return bearer(newAddress(), staff.tokens().access()).post(API + "/ws/ticket").then().statusCode(200)
                .extract().path("ticket");
    }

    private String newShop() {
        return asKey().body(Map.of("name", unique("shop"), "markup_percent", 100, "price_rounding", 1))
                .post(API + "/shops").then().statusCode(201).extract().path("id");
    }

    private Account staff(String shopId) {
        Account user = newUser("live_staff");
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("manager"))).put(API + "/admin/users/" + user.id() + "/roles").then()
                .statusCode(200);
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("user_id", user.id())).post(API + "/shops/" + shopId + "/staff").then().statusCode(201);
        return new Account(user.id(), user.username(), login(newAddress(), user.username(), PASSWORD));
    }

    private String customer(String shopId) {
        return asKey(shopId).body(Map.of("name", "Анна", "phone", "8 903 555-11-22")).post(API + "/customers")
                .then().statusCode(201).extract().path("id");
    }

    private String product(String shopId) {
        return asKey(shopId).body(Map.of("name", unique("bouquet"), "price", 2500, "components", List.of()))
                .post(API + "/products").then().statusCode(201).extract().path("id");
    }

    private String order(String shopId, String customerId, String productId) {
        return asKey(shopId).body(Map.of("customer_id", customerId, "items",
                        List.of(Map.of("product_id", productId, "quantity", 1)),
                        "delivery_address", "Москва, Тверская, 7", "delivery_date", "2026-12-08",
                        "recipient_name", "Ирина", "recipient_phone", "8 903 555-11-22"))
                .post(API + "/orders").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification asKey() {
        return apiKey(key.secret()).contentType(ContentType.JSON);
    }

    private RequestSpecification asKey(String shopId) {
        return asKey().queryParam("shop_id", shopId);
    }
}
