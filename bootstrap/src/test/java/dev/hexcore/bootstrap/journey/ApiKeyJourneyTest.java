package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.hexcore.application.identity.AuthenticateCallerUseCase;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 001's API keys: issued by an admin, shown once, usable in three headers, revoked within a second. */
@QuarkusTest
class ApiKeyJourneyTest {
    private static final String KEYS = "/api/v1/admin/api-keys";

    @Inject
    EnsureAdminUseCase admins;

    @Inject
    AuthenticateCallerUseCase callers;

    private Account admin;

    @BeforeEach
    void anAdminSignsIn() {
        admin = newAdmin(admins);
    }

    @Test
    void createListUseInEveryHeaderAndRevoke() {
        String address = newAddress();
        String label = unique("qa");
        JsonPath created = bearer(address, admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", label, "scopes", List.of("profiles:read"), "rate_limit_per_min", 1000))
                .post(KEYS).then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("label", equalTo(label))
                .body("key", startsWith("hk_live_"))
                .body("prefix", startsWith("hk_live_"))
                .body("scopes", contains("profiles:read"))
                .body("status", equalTo("active"))
                .body("rate_limit_per_min", equalTo(1000))
                .body("created_at", notNullValue())
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("key");
        String prefix = created.getString("prefix");
        assertThat(secret).startsWith(prefix).hasSizeGreaterThan(prefix.length() + 16);

        // listed without its secret
        Map<String, Object> listed = keyInList(id);
        assertThat(listed).doesNotContainKey("key");
        assertThat(listed).containsEntry("prefix", prefix).containsEntry("label", label).containsEntry("status", "active");
        assertThat(bearer(address, admin.tokens().access()).get(KEYS).asString()).doesNotContain(secret);

        // the three ways to present it
        from(newAddress()).header("X-API-Key", secret).get("/api/v1/auth/me").then()
                .statusCode(200)
                .body("kind", equalTo("api_key"))
                .body("id", equalTo(id))
                .body("scopes", contains("profiles:read"));
        from(newAddress()).header("api-key", secret).get("/api/v1/auth/me").then()
                .statusCode(200).body("kind", equalTo("api_key")).body("id", equalTo(id));
        from(newAddress()).header("Authorization", "Bearer " + secret).get("/api/v1/auth/me").then()
                .statusCode(200).body("kind", equalTo("api_key")).body("id", equalTo(id));

        // a key without the admin scope is not an admin
        apiKey(secret).get(KEYS).then()
                .statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FORBIDDEN"));
        apiKey(secret).contentType(ContentType.JSON)
                .body(Map.of("label", "escalate", "scopes", List.of("admin"))).post(KEYS).then()
                .statusCode(403).contentType(PROBLEM_JSON);
        // ... and not a person either
        apiKey(secret).contentType(ContentType.JSON).body(Map.of("interests", List.of("x")))
                .patch("/api/v1/users/me").then().statusCode(403).contentType(PROBLEM_JSON);

        // revoked: it stops working within a second
        bearer(address, admin.tokens().access()).delete(KEYS + "/" + id).then().statusCode(204);
        eventually(Duration.ofMillis(1500), () -> apiKey(secret).get("/api/v1/auth/me").then()
                .statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer")));
        from(newAddress()).header("Authorization", "Bearer " + secret).get("/api/v1/auth/me").then().statusCode(401);

        Map<String, Object> revoked = keyInList(id);
        assertThat(revoked).containsEntry("status", "revoked");
        assertThat(revoked.get("revoked_at")).isNotNull();
        // revoking twice is fine
        bearer(address, admin.tokens().access()).delete(KEYS + "/" + id).then().statusCode(204);
    }

    @Test
    void anUnknownKeyIsRefused() {
        String unknown = "hk_live_" + unique("nope").replace("_", "") + "0123456789abcdefghij";
        apiKey(unknown).get("/api/v1/auth/me").then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        from(newAddress()).header("api-key", unknown).get("/api/v1/auth/me").then().statusCode(401);
        from(newAddress()).header("Authorization", "Bearer " + unknown).get("/api/v1/auth/me").then().statusCode(401);
        // a key on an admin route must not fall through to anonymous handling either
        apiKey(unknown).get(KEYS).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void revokingAnUnknownKeyIs404() {
        bearer(newAddress(), admin.tokens().access()).delete(KEYS + "/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void anUnknownScopeIsAValidationError() {
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", "bad", "scopes", List.of("profiles:read", "root")))
                .post(KEYS).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("scopes"));
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", "none", "scopes", List.of()))
                .post(KEYS).then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("scopes"));
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", "zero", "scopes", List.of("bot"), "rate_limit_per_min", 0))
                .post(KEYS).then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("rate_limit_per_min"));
    }

    @Test
    void aKeyWithTheAdminScopeIsAnAdmin() {
        Key adminKey = createKey(admin, "[\"admin\"]", null);

        apiKey(adminKey.secret()).get(KEYS).then()
                .statusCode(200)
                .body("items.id", hasItem(adminKey.id()));
        // it can issue and revoke keys too, and the keys it issues have no human creator
        JsonPath child = apiKey(adminKey.secret()).contentType(ContentType.JSON)
                .body(Map.of("label", unique("child"), "scopes", List.of("bot")))
                .post(KEYS).then()
                .statusCode(201)
                .body("key", startsWith("hk_live_"))
                .extract().jsonPath();
        apiKey(child.getString("key")).get("/api/v1/auth/me").then().statusCode(200).body("scopes", contains("bot"));
        apiKey(adminKey.secret()).delete(KEYS + "/" + child.getString("id")).then().statusCode(204);
        eventually(Duration.ofMillis(1500),
                () -> apiKey(child.getString("key")).get("/api/v1/auth/me").then().statusCode(401));
        // and manage users, like an admin user
        apiKey(adminKey.secret()).get("/api/v1/admin/users").then().statusCode(200).body("total", notNullValue());
    }

    @Test
    void lastUsedIsWrittenInBatches() {
        Key key = createKey(admin, "[\"profiles:read\"]", null);
        assertThat(keyInList(key.id()).get("last_used_at")).isNull();

        Instant before = Instant.now().minusSeconds(1);
        apiKey(key.secret()).get("/api/v1/auth/me").then().statusCode(200);
        callers.flushUsage();   // the scheduler does the same every 5 s; it may have beaten us to it

        eventually(Duration.ofSeconds(7), () -> {
            Object lastUsed = keyInList(key.id()).get("last_used_at");
            assertThat(lastUsed).as("last_used_at").isNotNull();
            assertThat(Instant.parse(lastUsed.toString())).isAfter(before);
        });
    }

    @Test
    void anExpiredKeyStopsWorking() {
        String expiresAt = Instant.now().plusMillis(1200).toString();
        String secret = bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", unique("short"), "scopes", List.of("bot"), "expires_at", expiresAt))
                .post(KEYS).then()
                .statusCode(201)
                .body("expires_at", notNullValue())
                .extract().path("key");
        apiKey(secret).get("/api/v1/auth/me").then().statusCode(200);
        eventually(Duration.ofMillis(2500), () -> apiKey(secret).get("/api/v1/auth/me").then().statusCode(401));
    }

    @Test
    void aKeyThatIsNotAKeyIsRefused() {
        from(newAddress()).header("X-API-Key", "garbage").get("/api/v1/auth/me").then()
                .statusCode(401).contentType(PROBLEM_JSON);
        from(newAddress()).header("api-key", "hk_live_short").get("/api/v1/auth/me").then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void keyRoutesNeedCredentials() {
        from(newAddress()).get(KEYS).then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        from(newAddress()).contentType(ContentType.JSON).body(Map.of("label", "x", "scopes", List.of("bot")))
                .post(KEYS).then().statusCode(401).contentType(PROBLEM_JSON);
        from(newAddress()).delete(KEYS + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    private Map<String, Object> keyInList(String id) {
        List<Map<String, Object>> items = bearer(newAddress(), admin.tokens().access())
                .queryParam("limit", 100)
                .get(KEYS).then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("limit", equalTo(100))
                .body("total", notNullValue())
                .extract().jsonPath().getList("items");
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("key " + id + " is not in the first 100 keys"));
    }
}
