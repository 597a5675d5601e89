package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 002's roleplay chat through the model gateway on the offline provider, and the gateway's admin views. */
@QuarkusTest
class RoleplayJourneyTest {
    private static final String CHAT = "/api/v1/roleplay/chat";

    @Inject
    EnsureAdminUseCase admins;

    private static Map<String, Object> chat(String message, List<Map<String, String>> history) {
        return Map.of("scenario", "Meeting a pro player", "role", "Layla", "message", message, "history", history,
                "target_language", "Kazakh", "level", "A1");
    }

    @Test
    void aUserChatsAndTheCallIsRecordedForAdmins() {
        Account user = newUser("rp");
        String first = bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(chat("Hi!", List.of())).post(CHAT).then().statusCode(200).extract().path("response");
        assertThat(first).isNotBlank();

        String again = bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(chat("Hi!", List.of())).post(CHAT).then().statusCode(200).extract().path("response");
        assertThat(again).as("same conversation, same offline answer").isEqualTo(first);

        bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(chat("Where do you train?", List.of(Map.of("role", "user", "content", "Hi!"),
                        Map.of("role", "assistant", "content", first))))
                .post(CHAT).then().statusCode(200);

        Account admin = newAdmin(admins);
        JsonPath events = recordedEvents(admin);
        assertThat(events.getInt("total")).isGreaterThanOrEqualTo(3);
        assertThat(events.getList("items.provider", String.class)).contains("offline");
        assertThat(events.getList("items.cache_hit", Boolean.class)).contains(true);
        assertThat(events.getList("stats.operation", String.class)).containsOnly("roleplay_chat");
        assertThat(events.getList("stats.count", Integer.class)).allSatisfy(c -> assertThat(c).isPositive());
        assertThat(events.getString("items[0]")).doesNotContain("secret");
    }

    @Test
    void badChatsAreProblems() {
        Account user = newUser("rp");
        bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("scenario", " ", "message", "Hi!")).post(CHAT).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("scenario", "role", "target_language", "level"));
        bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(chat("Hi!", List.of(Map.of("role", "narrator", "content", "x")))).post(CHAT).then().statusCode(422)
                .body("errors.field", hasItem("history[0].role"));
        bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON).body("{\"message\":")
                .post(CHAT).then().statusCode(400).contentType(PROBLEM_JSON);
        Journeys.from(newAddress()).contentType(ContentType.JSON).body(chat("Hi!", List.of())).post(CHAT).then().statusCode(401);
    }

    /** The roleplay events, once this test's calls show: they are written off the request's thread. */
    private static JsonPath recordedEvents(Account admin) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (true) {
            JsonPath events = bearer(newAddress(), admin.tokens().access()).queryParam("operation", "roleplay_chat")
                    .get("/api/v1/admin/generation-events").then().statusCode(200).extract().jsonPath();
            if (events.getList("items.cache_hit", Boolean.class).contains(true) || System.nanoTime() - end >= 0) return events;
        }
    }

    @Test
    void modelAdminRoutesAreForAdminsOnly() {
        Account user = newUser("rp");
        bearer(newAddress(), user.tokens().access()).get("/api/v1/admin/model-keys").then().statusCode(403);
        bearer(newAddress(), user.tokens().access()).get("/api/v1/admin/generation-events").then().statusCode(403);

        Account admin = newAdmin(admins);
        bearer(newAddress(), admin.tokens().access()).get("/api/v1/admin/model-keys").then().statusCode(200);
        bearer(newAddress(), admin.tokens().access()).post("/api/v1/admin/model-keys/no-such-key/enable").then().statusCode(404);
        bearer(newAddress(), admin.tokens().access()).queryParam("from", "yesterday").queryParam("failed", "maybe")
                .get("/api/v1/admin/generation-events").then().statusCode(422)
                .body("errors.field", equalTo(List.of("from", "failed")));
        var key = createKey(admin, "[\"bot\"]", 1000);
        Journeys.apiKey(key.secret()).contentType(ContentType.JSON).body(chat("Hi!", List.of())).post(CHAT).then()
                .statusCode(403);
    }
}
