package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's "no 500 on bad input", each case as it was found against the packaged app, and the strict-input rules of
 * ADR 0012: what is refused, and with which status.
 */
@QuarkusTest
class StrictInputJourneyTest {
    private static final String KEYS = "/api/v1/admin/api-keys";

    @Inject
    EnsureAdminUseCase admins;

    @TestHTTPResource("/")
    URL root;

    private Account admin;

    @BeforeEach
    void anAdmin() {
        admin = newAdmin(admins);
    }

    private RequestSpecification asAdmin() {
        return bearer(newAddress(), admin.tokens().access());
    }

    private static void isValidationProblemOn(Response response, String field) {
        response.then().statusCode(422).contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/profiles", "/api/v1/admin/users", KEYS, "/api/v1/admin/generation-events"})
    void aPageFarBeyondTheEndIs422NotAnOverflow(String route) {
        isValidationProblemOn(asAdmin().queryParam("page", 999_999_999).get(route), "page");
        isValidationProblemOn(asAdmin().queryParam("page", 999_999_999).queryParam("limit", 100).get(route), "page");
        isValidationProblemOn(asAdmin().queryParam("skip", 999_999_999).queryParam("limit", 1).get(route), "skip");
        // the last page allowed is still an ordinary (empty) page
        asAdmin().queryParam("page", 1_000_000).queryParam("limit", 100).get(route).then()
                .statusCode(200).body("page", equalTo(1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
            "10000-01-01T00:00:00Z"})
    void anInstantOutsideTheSupportedRangeIs422(String instant) {
        isValidationProblemOn(asAdmin().queryParam("created_after", instant).get("/api/v1/profiles"), "created_after");
        isValidationProblemOn(asAdmin().queryParam("from", instant).get("/api/v1/admin/generation-events"), "from");
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON)
                .body("{\"filter\":{\"created_before\":\"" + instant + "\"},\"format\":\"json\"}")
                .post("/api/v1/exports"), "filter.created_before");
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON)
                .body("{\"label\":\"far\",\"scopes\":[\"bot\"],\"expires_at\":\"" + instant + "\"}").post(KEYS), "expires_at");
    }

    @Test
    void theEdgesOfTheSupportedRangeAreAccepted() {
        asAdmin().queryParam("created_after", "0001-01-01").queryParam("created_before", "9999-12-31T23:59:59Z")
                .get("/api/v1/profiles").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON)
                .body("{\"label\":\"far\",\"scopes\":[\"bot\"],\"expires_at\":\"9999-12-31T23:59:59Z\"}").post(KEYS)
                .then().statusCode(201).body("expires_at", equalTo("9999-12-31T23:59:59Z"));
    }

    /** One ISO parser for every time filter: a date means its start in UTC, on profiles and on events alike. */
    @Test
    void everyTimeFilterTakesADateOrADateTime() {
        asAdmin().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01T00:00:00+03:00")
                .get("/api/v1/admin/generation-events").then().statusCode(200);
        isValidationProblemOn(asAdmin().queryParam("to", "yesterday").get("/api/v1/admin/generation-events"), "to");
    }

    /** Request records are checked by Bean Validation, also where a resource reads its body by hand. */
    @Test
    void requestRecordsAreValidatedTheSameWay() {
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"" + "r".repeat(501) + "\"}")
                .post("/api/v1/admin/model-keys/no-such-key/disable"), "reason");
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON).body("{\"profile_id\":\"nope\",\"format\":\"pdf\"}")
                .post("/api/v1/exports"), "profile_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source_key", "operation", "provider", "model"})
    void aNulInAQueryFilterIs422(String parameter) {
        String route = parameter.equals("source_key") ? "/api/v1/profiles" : "/api/v1/admin/generation-events";
        isValidationProblemOn(asAdmin().urlEncodingEnabled(false).get(route + "?" + parameter + "=a%00b"), parameter);
        isValidationProblemOn(asAdmin().urlEncodingEnabled(false).get(route + "?" + parameter + "=%01"), parameter);
    }

    @Test
    void formLoginWithBadPercentEncodingIs400Problem() {
        from(newAddress()).contentType(ContentType.URLENC).body("username=%zz&password=x").post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("MALFORMED_FORM"));
        from(newAddress()).contentType(ContentType.URLENC).body("username=ab%&password=x").post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("MALFORMED_FORM"));
        isValidationProblemOn(from(newAddress()).contentType(ContentType.URLENC).body("username=a%00b&password=x")
                .post("/api/v1/auth/login"), "username");
    }

    /** The HTTP codec refuses a request line with a broken escape before any route runs: a 400, never a 500. */
    @Test
    void aBrokenEscapeInTheQueryIs400() throws Exception {
        assertThat(raw("GET /api/v1/profiles?source_key=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void aTooLongRequestLineIs414Problem() throws Exception {
        String answer = raw("GET /api/v1/ping?x=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"URI_TOO_LONG\"");
    }

    @Test
    void tooLargeHeadersAre431Problem() throws Exception {
        String answer = raw("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"HEADERS_TOO_LARGE\"");
    }

    @Test
    void aLoneSurrogateIs422() {
        String name = unique("sur");
        isValidationProblemOn(from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\"strongpassword123\","
                        + "\"native_language\":\"x\\ud800y\"}").post("/api/v1/auth/register"), "native_language");
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON)
                .body("{\"label\":\"\\udc00\",\"scopes\":[\"bot\"]}").post(KEYS), "label");
        isValidationProblemOn(asAdmin().urlEncodingEnabled(false).get("/api/v1/profiles?source_key=%ED%A0%80"), "source_key");
        // a well-formed pair is an ordinary character
        asAdmin().contentType(ContentType.JSON).body("{\"label\":\"key \\ud83d\\udd11\",\"scopes\":[\"bot\"]}").post(KEYS)
                .then().statusCode(201).body("label", equalTo("key \uD83D\uDD11"));
    }

    @Test
    void controlCharactersAreRefusedInLabelsAndNames() {
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON)
                .body("{\"label\":\"a\\nb\",\"scopes\":[\"bot\"]}").post(KEYS), "label");
        isValidationProblemOn(asAdmin().contentType(ContentType.JSON)
                .body("{\"label\":\"a\\u001bb\",\"scopes\":[\"bot\"]}").post(KEYS), "label");
        String name = unique("ctl");
        isValidationProblemOn(from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + name + "\\t\",\"email\":\"" + name + "@example.com\",\"password\":\"strongpassword123\"}")
                .post("/api/v1/auth/register"), "username");
        Account user = newUser("ctl");
        isValidationProblemOn(bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body("{\"interests\":[\"music\\u0007\"]}").patch("/api/v1/users/me"), "interests[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}garbage", "{} {}", "{\"count\":1,\"count\":2}", "{\"persist\":1}",
            "{\"persist\":\"true\"}", "{\"count\":1.0}", "{\"count\":true}", "[]", "\"x\""})
    void generateParsesStrictly(String body) {
        Response response = asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/profiles/generate");
        assertThat(response.statusCode()).as(body + " → " + response.asString()).isIn(400, 422);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}garbage", "{\"username\":\"a1234\",\"username\":\"b1234\"}",
            "{\"interests\":\"music\"}", "{\"username\":5}", "{\"interests\":[1]}"})
    void patchMeParsesStrictly(String body) {
        Account user = newUser("strict");
        Response response = bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/users/me");
        assertThat(response.statusCode()).as(body + " → " + response.asString()).isIn(400, 422);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void duplicateKeysAndTrailingContentAre400MalformedJson() {
        asAdmin().contentType(ContentType.JSON).body("{\"label\":\"a\",\"label\":\"b\",\"scopes\":[\"bot\"]}").post(KEYS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("MALFORMED_JSON"));
        asAdmin().contentType(ContentType.JSON).body("{\"label\":\"a\",\"scopes\":[\"bot\"]} x").post(KEYS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("MALFORMED_JSON"));
        asAdmin().contentType(ContentType.JSON).body("null").post(KEYS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("BODY_REQUIRED"));
    }

    /** What the server answers on a plain socket: for answers given before any route runs. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            char[] buffer = new char[4096];
            try {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    answer.append(buffer, 0, read);
                    if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) break;
                }
            } catch (SocketTimeoutException e) {
                // a kept-alive connection with a bodiless answer: what arrived is the answer
            }
            return answer.toString();
        }
    }
}
