package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.emailOf;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.loginForm;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static dev.hexcore.bootstrap.support.Journeys.register;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-key and per-address limits as a client sees them: RateLimit-* headers, then a 429 problem with Retry-After. */
@QuarkusTest
class RateLimitJourneyTest {
    @Inject
    EnsureAdminUseCase admins;

    @Test
    void aKeyWithItsOwnLimitIsCountedDownThenRefused() {
        Account admin = newAdmin(admins);
        Key key = createKey(admin, "[\"profiles:read\"]", 3);

        for (int call = 1; call <= 3; call++) {
            Response ok = apiKey(key.secret()).get("/api/v1/auth/me");
            assertThat(ok.statusCode()).as("call %d: %s", call, ok.asString()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(String.valueOf(3 - call));
            assertThat(ok.header("RateLimit-Reset")).isNotNull();
            assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isBetween(1L, 60L);
        }

        Instant before = Instant.now();
        Response refused = apiKey(key.secret()).get("/api/v1/auth/me");
        refused.then()
                .statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(429))
                .body("code", equalTo("RATE_LIMITED"))
                .body("limit", equalTo(3))
                .body("remaining", equalTo(0))
                .body("reset_at", notNullValue())
                .body("detail", notNullValue())
                .body("trace_id", notNullValue());
        assertThat(refused.header("Retry-After")).isNotNull();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);   // one request per 20 s at 3 per minute
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        Instant resetAt = Instant.parse(refused.jsonPath().getString("reset_at"));
        assertThat(resetAt).isAfter(before).isBefore(before.plus(Duration.ofSeconds(61)));

        // the limit belongs to the key: the admin who made it still has a full budget of its own
        bearer(newAddress(), admin.tokens().access()).get("/api/v1/auth/me").then()
                .statusCode(200)
                .header("RateLimit-Limit", "100");
        // ... and so does another key
        Key other = createKey(admin, "[\"profiles:read\"]", 3);
        apiKey(other.secret()).get("/api/v1/auth/me").then().statusCode(200).header("RateLimit-Remaining", "2");
    }

    @Test
    void theCredentialRoutesAllowTenCallsPerMinutePerAddress() {
        String crowded = newAddress();
        for (int call = 1; call <= 10; call++) {
            String username = unique("burst");
            Response response = register(crowded, username, emailOf(username), PASSWORD);
            assertThat(response.statusCode()).as("register %d: %s", call, response.asString()).isEqualTo(201);
            assertThat(response.header("RateLimit-Limit")).isEqualTo("10");
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(String.valueOf(10 - call));
        }
        String eleventh = unique("burst");
        Response refused = register(crowded, eleventh, emailOf(eleventh), PASSWORD);
        refused.then()
                .statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("RATE_LIMITED"))
                .body("limit", equalTo(10))
                .body("remaining", equalTo(0));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        // login shares the credential-route budget of the address
        loginForm(crowded, eleventh, PASSWORD).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));

        // X-Forwarded-For really is the subject: another client is not affected
        register(newAddress(), eleventh, emailOf(eleventh), PASSWORD).then().statusCode(201);
        // and the crowded address may still use the routes that are not credential routes
        from(crowded).get("/api/v1/ping").then().statusCode(200);
        from(crowded).get("/api/v1/auth/me").then().statusCode(401);
    }

    /** Guessing keys or tokens is limited like any anonymous call: per address, before the 401. */
    @Test
    void badCredentialsAreCountedAgainstTheAddress() {
        String guesser = newAddress();
        int refusedAt = 0;
        for (int call = 1; call <= 200 && refusedAt == 0; call++) {
            Response response = from(guesser).header("X-API-Key", "hk_live_guess" + call + "xxxxxxxxxxxxxxxxxxxx")
                    .get("/api/v1/auth/me");
            if (response.statusCode() == 429) {
                refusedAt = call;
                response.then().contentType(PROBLEM_JSON).body("code", equalTo("RATE_LIMITED")).body("limit", equalTo(100));
            } else {
                assertThat(response.statusCode()).as("guess %d", call).isEqualTo(401);
                assertThat(response.header("RateLimit-Limit")).isEqualTo("100");
            }
        }
        // 100 at once, plus the few the budget refilled (one per 0.6 s) while the loop ran
        assertThat(refusedAt).isBetween(101, 130);
    }

    /** Refresh is not a password route: it has the anonymous budget, not login's ten per minute. */
    @Test
    void refreshDoesNotShareTheLoginBudget() {
        String crowded = newAddress();
        for (int call = 1; call <= 10; call++) loginForm(crowded, unique("nobody"), PASSWORD);
        loginForm(crowded, unique("nobody"), PASSWORD).then().statusCode(429);
        from(crowded).contentType("application/json").body("{\"refresh_token\":\"unknown\"}")
                .post("/api/v1/auth/refresh").then().statusCode(401).header("RateLimit-Limit", "100");
    }

    @Test
    void anonymousCallsCarryTheirAddressBudget() {
        // ping is exempt and carries no headers; an anonymous call to a limited route is counted per address
        from(newAddress()).get("/api/v1/ping").then().statusCode(200).header("RateLimit-Limit", nullValue());
        String address = newAddress();
        Response first = from(address).contentType("application/json").body("{\"refresh_token\":\"x\"}")
                .post("/api/v1/auth/logout");
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("100");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("99");
    }

    /** The test profile sets {@code hexcore.rate-limit.routes."/api/v1/users/me/languages"=3}. */
    @Test
    void aRouteOverrideLimitsItsRouteAndLeavesTheCallersOtherRoutesAlone() {
        Account user = newUser("route");
        String address = newAddress();
        String languages = "{\"native_language\":\"Russian\",\"target_language\":\"English\"}";
        for (int call = 1; call <= 3; call++) {
            bearer(address, user.tokens().access()).contentType("application/json").body(languages)
                    .put("/api/v1/users/me/languages").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(3 - call));
        }
        bearer(address, user.tokens().access()).contentType("application/json").body(languages)
                .put("/api/v1/users/me/languages").then().statusCode(429).contentType(PROBLEM_JSON)
                .header("Retry-After", notNullValue()).body("limit", equalTo(3));
        bearer(address, user.tokens().access()).get("/api/v1/auth/me").then().statusCode(200)
                .header("RateLimit-Limit", "100");
    }
}
