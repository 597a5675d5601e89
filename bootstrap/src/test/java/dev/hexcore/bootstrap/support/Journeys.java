package dev.hexcore.bootstrap.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the end-to-end journeys share: simulated clients with their own address, unique accounts, an admin, polling.
 *
 * <p>Every call from the tests really comes from 127.0.0.1, and the credential routes allow only 10 calls per minute
 * per address. The test profile trusts {@code X-Forwarded-For}, so each simulated client sends its own random
 * {@code 10.x.y.z}: the rate limiter and the login throttle then count it separately, and no test depends on what
 * another one spent.
 */
public final class Journeys {
    public static final String PASSWORD = "correct-horse-battery-42";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // problem bodies are JSON too; make sure body("...") paths parse them
        RestAssured.registerParser(PROBLEM_JSON, Parser.JSON);
    }

    private Journeys() {
    }

    /** A fresh fake client address, 10.x.y.z. */
    public static String newAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** A request from the client at {@code address}. */
    public static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** A request from {@code address} carrying {@code Authorization: Bearer token}. */
    public static RequestSpecification bearer(String address, String token) {
        return from(address).header("Authorization", "Bearer " + token);
    }

    /** A request from a fresh address carrying the API key in {@code X-API-Key}. */
    public static RequestSpecification apiKey(String key) {
        return from(newAddress()).header("X-API-Key", key);
    }

    /** {@code prefix_} plus 10 random hex digits: a username nobody else in this run (or a leftover database) has. */
    public static String unique(String prefix) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    public static String emailOf(String username) {
        return username + "@example.test";
    }

    public static Response register(String address, String username, String email, String password) {
        return from(address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", email, "password", password))
                .post("/api/v1/auth/register");
    }

    /** Registers {@code username} with {@link #PASSWORD} (201 expected) and returns the new user's id. */
    public static String registerUser(String address, String username) {
        Response response = register(address, username, emailOf(username), PASSWORD);
        assertThat(response.statusCode()).as("register %s: %s", username, response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    /** Form login as seed 002's clients send it. */
    public static Response loginForm(String address, String username, String password) {
        return from(address).contentType(ContentType.URLENC)
                .formParam("username", username)
                .formParam("password", password)
                .post("/api/v1/auth/login");
    }

    public static Tokens login(String address, String username, String password) {
        Response response = loginForm(address, username, password);
        assertThat(response.statusCode()).as("login %s: %s", username, response.asString()).isEqualTo(200);
        return new Tokens(response.jsonPath().getString("access_token"), response.jsonPath().getString("refresh_token"));
    }

    /** Registers a user from a fresh address and logs it in from another one. */
    public static Account newUser(String prefix) {
        String username = unique(prefix);
        String id = registerUser(newAddress(), username);
        return new Account(id, username, login(newAddress(), username, PASSWORD));
    }

    /** Creates an admin through the application's own use case, then logs it in over HTTP. */
    public static Account newAdmin(EnsureAdminUseCase admins) {
        String username = unique("admin");
        var result = admins.ensureAdmin(username, emailOf(username), PASSWORD);
        assertThat(result.outcome()).isEqualTo(EnsureAdminUseCase.Outcome.CREATED);
        return new Account(result.user().id().toString(), username, login(newAddress(), username, PASSWORD));
    }

    /** An API key created by {@code admin}; returns the secret and the id. */
    public static Key createKey(Account admin, String scopesJson, Integer ratePerMin) {
        String body = "{\"label\":\"" + unique("key") + "\",\"scopes\":" + scopesJson
                + (ratePerMin == null ? "" : ",\"rate_limit_per_min\":" + ratePerMin) + "}";
        Response response = bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/api-keys");
        assertThat(response.statusCode()).as("create key: %s", response.asString()).isEqualTo(201);
        return new Key(response.jsonPath().getString("id"), response.jsonPath().getString("key"));
    }

    /** Retries {@code assertion} every 50 ms until it passes or {@code timeout} is over (then its last failure is thrown). */
    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() - deadline >= 0) throw e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    public record Tokens(String access, String refresh) {
    }

    public record Account(String id, String username, Tokens tokens) {
    }

    public record Key(String id, String secret) {
    }
}
