package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.emailOf;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.login;
import static dev.hexcore.bootstrap.support.Journeys.loginForm;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static dev.hexcore.bootstrap.support.Journeys.register;
import static dev.hexcore.bootstrap.support.Journeys.registerUser;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.hexcore.bootstrap.support.Journeys;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Seed 002's account life: register, log in (form and JSON), edit the profile, rotate and revoke refresh tokens. */
@QuarkusTest
class AuthJourneyTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void registerLogInEditProfileRotateAndLogOut() {
        // --- registration, from the learner's phone -----------------------------------------------------------
        String phone = newAddress();
        String username = unique("Learner");
        String email = emailOf(username);
        register(phone, username, email, PASSWORD).then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern(UUID_PATTERN))
                .body("username", equalTo(username))
                .body("email", equalTo(email.toLowerCase()))
                .body("native_language", equalTo("Russian"))
                .body("target_language", equalTo("Kazakh"))
                .body("xp", equalTo(0))
                .body("interests", empty())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")));

        register(phone, username, emailOf(unique("other")), PASSWORD).then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("USERNAME_TAKEN"))
                .body("status", equalTo(409)).body("detail", notNullValue());
        register(phone, username.toUpperCase(), emailOf(unique("other")), PASSWORD).then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("USERNAME_TAKEN"));
        register(phone, unique("other"), email.toUpperCase(), PASSWORD).then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("EMAIL_TAKEN"));

        // --- log in: OAuth2 password form, then JSON, from the laptop -----------------------------------------
        String laptop = newAddress();
        JsonPath form = loginForm(laptop, username, PASSWORD).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue())
                .body("token_type", equalTo("bearer"))
                .body("expires_in", greaterThan(0))
                .extract().jsonPath();
        Tokens formTokens = new Tokens(form.getString("access_token"), form.getString("refresh_token"));

        JsonPath json = from(laptop).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/auth/login").then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", greaterThan(0))
                .extract().jsonPath();
        Tokens tokens = new Tokens(json.getString("access_token"), json.getString("refresh_token"));
        assertThat(tokens.refresh()).isNotEqualTo(formTokens.refresh());

        // --- the account -------------------------------------------------------------------------------------
        String id = bearer(laptop, tokens.access()).get("/api/v1/auth/me").then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("email", equalTo(email.toLowerCase()))
                .body("roles", contains("user"))
                .extract().path("id");

        String renamed = unique("renamed");
        bearer(laptop, tokens.access()).contentType(ContentType.JSON)
                .body(Map.of("username", renamed, "interests", List.of("Travel", "Music")))
                .patch("/api/v1/users/me").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(renamed))
                .body("interests", contains("Travel", "Music"))
                .body("native_language", equalTo("Russian"));

        bearer(laptop, tokens.access()).contentType(ContentType.JSON)
                .body(Map.of("target_language", "English", "native_language", "Russian"))
                .put("/api/v1/users/me/languages").then()
                .statusCode(200)
                .body("target_language", equalTo("English"))
                .body("native_language", equalTo("Russian"))
                .body("username", equalTo(renamed));

        bearer(laptop, tokens.access()).get("/api/v1/auth/me").then()
                .statusCode(200)
                .body("username", equalTo(renamed))
                .body("target_language", equalTo("English"))
                .body("interests", containsInAnyOrder("Travel", "Music"));

        // --- refresh rotation and reuse detection, from the tablet -------------------------------------------
        String tablet = newAddress();
        JsonPath rotated = refresh(tablet, tokens.refresh()).then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", greaterThan(0))
                .extract().jsonPath();
        Tokens next = new Tokens(rotated.getString("access_token"), rotated.getString("refresh_token"));
        assertThat(next.refresh()).isNotEqualTo(tokens.refresh());
        assertThat(next.access()).isNotBlank();
        bearer(tablet, next.access()).get("/api/v1/auth/me").then().statusCode(200).body("id", equalTo(id));

        refresh(tablet, tokens.refresh()).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("REFRESH_TOKEN_REUSED"));
        // the reuse revoked the whole family, the token handed out by the rotation included
        refresh(tablet, next.refresh()).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        // another login's family is not touched
        refresh(tablet, formTokens.refresh()).then().statusCode(200);

        // --- logout, from a fresh session --------------------------------------------------------------------
        String kiosk = newAddress();
        Tokens fresh = login(kiosk, renamed, PASSWORD);
        from(kiosk).contentType(ContentType.JSON).body(Map.of("refresh_token", fresh.refresh()))
                .post("/api/v1/auth/logout").then()
                .statusCode(204);
        refresh(kiosk, fresh.refresh()).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        // logging out twice, or with an unknown token, is fine
        from(kiosk).contentType(ContentType.JSON).body(Map.of("refresh_token", fresh.refresh()))
                .post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void theOldUsernameNoLongerLogsInAfterARename() {
        String address = newAddress();
        String username = unique("Old");
        registerUser(address, username);
        Tokens tokens = login(address, username, PASSWORD);
        String renamed = unique("New");
        bearer(address, tokens.access()).contentType(ContentType.JSON).body(Map.of("username", renamed))
                .patch("/api/v1/users/me").then().statusCode(200);

        loginForm(address, username, PASSWORD).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        loginForm(address, renamed.toUpperCase(), PASSWORD).then().statusCode(200);
    }

    @Test
    void wrongPasswordsAreRefusedAndThenTheAccountIsThrottledFromThatAddress() {
        String attacker = newAddress();
        String username = unique("victim");
        registerUser(attacker, username);

        for (int attempt = 1; attempt <= 5; attempt++) {
            loginForm(attacker, username, "wrong-password-" + attempt).then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("code", equalTo("INVALID_CREDENTIALS"))
                    .body("detail", equalToIgnoringCase("Incorrect username or password"));
        }
        // the sixth attempt is refused before the password is even checked, the right one included
        String retryAfter = loginForm(attacker, username, PASSWORD).then()
                .statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("LOGIN_THROTTLED"))
                .body("limit", equalTo(5))
                .body("remaining", equalTo(0))
                .body("reset_at", notNullValue())
                .extract().header("Retry-After");
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isGreaterThanOrEqualTo(1);

        // only from the attacker's address: failing someone's login on purpose does not lock them out elsewhere
        loginForm(newAddress(), username, PASSWORD).then().statusCode(200);
        loginForm(attacker, username, PASSWORD).then().statusCode(429).body("code", equalTo("LOGIN_THROTTLED"));

        // ... but not other accounts on the attacker's address
        String bystander = unique("bystander");
        registerUser(attacker, bystander);
        loginForm(attacker, bystander, PASSWORD).then().statusCode(200);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        String address = newAddress();
        loginForm(address, unique("nobody"), PASSWORD).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("INVALID_CREDENTIALS"))
                .body("detail", equalToIgnoringCase("Incorrect username or password"));
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        refresh(newAddress(), "not-a-token-we-ever-issued-" + unique("x")).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void profileRoutesNeedAUserToken() {
        String address = newAddress();
        from(address).get("/api/v1/auth/me").then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        from(address).contentType(ContentType.JSON).body(Map.of("interests", List.of("x")))
                .patch("/api/v1/users/me").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void usersMeAnswersLikeAuthMe() {
        var account = Journeys.newUser("Mirror");
        bearer(newAddress(), account.tokens().access()).get("/api/v1/users/me").then()
                .statusCode(200).body("id", equalTo(account.id())).body("username", equalTo(account.username()));
        from(newAddress()).get("/api/v1/users/me").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aUserCanLogInWithTheirEmailToo() {
        String address = newAddress();
        String username = unique("Mailer");
        registerUser(address, username);
        loginForm(address, emailOf(username).toUpperCase(), PASSWORD).then()
                .statusCode(200).body("token_type", equalTo("bearer"));
    }

    @Test
    void registrationIgnoresFieldsAClientMayNotSet() {
        String address = newAddress();
        String username = unique("Sneaky");
        from(address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", emailOf(username), "password", PASSWORD,
                        "roles", List.of("admin"), "xp", 100000, "status", "active", "id", UUID.randomUUID().toString()))
                .post("/api/v1/auth/register").then()
                .statusCode(anyOf(equalTo(201), equalTo(400)))
                .body("roles", anyOf(nullValue(), contains("user")))
                .body("xp", anyOf(nullValue(), equalTo(0)));
    }

    @Test
    void profileChangesCannotTakeSomeoneElsesNameOrEmail() {
        Account alice = newUser("Alice");
        Account bob = newUser("Bob");
        String address = newAddress();
        bearer(address, bob.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("username", alice.username().toUpperCase()))
                .patch("/api/v1/users/me").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("USERNAME_TAKEN"));
        bearer(address, bob.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("email", emailOf(alice.username())))
                .patch("/api/v1/users/me").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("EMAIL_TAKEN"));
        // a change of case of one's own name is not a conflict
        bearer(address, bob.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("username", bob.username().toUpperCase()))
                .patch("/api/v1/users/me").then()
                .statusCode(200).body("username", equalTo(bob.username().toUpperCase()));
        bearer(address, bob.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("interests", List.of("x".repeat(51))))
                .patch("/api/v1/users/me").then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem(startsWith("interests")));
    }

    @Test
    void concurrentRegistrationsOfOneUsernameGiveOneAccountAndConflicts() throws Exception {
        String username = unique("Race");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = emailOf(unique("race" + i));
            attempts.add(() -> register(newAddress(), username, email, PASSWORD).statusCode());
        }
        List<Integer> statuses = runTogether(attempts);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
    }

    @Test
    void concurrentRefreshesWithOneTokenLetOneWinAndRevokeTheSession() throws Exception {
        String username = unique("Twin");
        registerUser(newAddress(), username);
        Tokens tokens = login(newAddress(), username, PASSWORD);

        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) attempts.add(() -> refresh(newAddress(), tokens.refresh()));
        List<Response> responses = runTogether(attempts);

        List<Response> winners = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).extracting(Response::statusCode).containsOnly(401);
        // the token was presented more than once, so the session is gone, the winner's new token included
        refresh(newAddress(), winners.get(0).jsonPath().getString("refresh_token")).then().statusCode(401);
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(future.get(30, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response refresh(String address, String refreshToken) {
        return from(address).contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/v1/auth/refresh");
    }
}
