package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whatever a client gets wrong, the answer is a problem+json with a stable code and nothing internal in it. */
@QuarkusTest
class BadInputJourneyTest {
    private static final String REGISTER = "/api/v1/auth/register";

    @Inject
    EnsureAdminUseCase admins;

    @TestHTTPResource(REGISTER)
    URL registerUrl;

    @Test
    void malformedJsonIs400WithoutInternals() {
        Response response = from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\": \"half\", \"email\": ").post(REGISTER);
        response.then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("code", equalTo("MALFORMED_JSON"))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo(REGISTER))
                .body("trace_id", equalTo(response.header("X-Trace-Id")));
        assertNoInternals(response);
    }

    @Test
    void aFieldOfTheWrongTypeIs400() {
        Response response = from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":123,\"email\":\"a@example.test\",\"password\":\"long-enough-1\"}").post(REGISTER);
        response.then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", containsString("username"));
        assertNoInternals(response);

        from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":\"someone\",\"email\":\"a@example.test\",\"password\":[\"x\"]}").post(REGISTER)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("MALFORMED_JSON"));
        from(newAddress()).contentType(ContentType.JSON).body("[1, 2, 3]").post(REGISTER)
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void missingAndInvalidFieldsAre422WithSnakeCaseNames() {
        Response response = from(newAddress()).contentType(ContentType.JSON)
                .body("{\"native_language\":\"\"}").post(REGISTER);
        response.then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", notNullValue())
                .body("errors.field", hasItems("username", "email", "password", "native_language"))
                .body("errors.message", notNullValue());
        assertNoInternals(response);

        from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + unique("ok") + "\",\"email\":\"not-an-email\",\"password\":\"short\"}")
                .post(REGISTER).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("email", "password"));
    }

    @Test
    void anEmptyBodyIsAProblemToo() {
        Response response = from(newAddress()).contentType(ContentType.JSON).post(REGISTER);
        assertThat(response.statusCode()).isIn(400, 422);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertNoInternals(response);
    }

    @Test
    void aBodyOverOneMebibyteIs413() throws Exception {
        HttpResponse<String> response = postRaw(HttpRequest.BodyPublishers.ofString(oversizeBody()));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("\"status\":413");
        assertThat(response.headers().firstValue("X-Trace-Id")).isPresent();
    }

    /** The same limit when the body comes chunked, without a Content-Length to refuse it by up front. */
    @Test
    void aChunkedBodyOverOneMebibyteIs413Problem() throws Exception {
        HttpResponse<String> response = postRaw(chunked(oversizeBody()));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of the 413")
                .hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    /** A chunked body within the limit is read once by the edge and still reaches the resource intact. */
    @Test
    void aSmallChunkedBodyIsAccepted() throws Exception {
        String name = unique("chunk");
        HttpResponse<String> response = postRaw(chunked("{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"strongpassword123\"}"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"username\":\"" + name + "\"");
    }

    private static String oversizeBody() {
        return "{\"username\":\"" + "x".repeat(1024 * 1024 + 16) + "\"}";
    }

    /** A publisher of unknown length: the JDK client sends it with Transfer-Encoding: chunked. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** POST to register with a raw HTTP client: the server may answer before it has read the whole body. */
    private HttpResponse<String> postRaw(HttpRequest.BodyPublisher body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(registerUrl.toURI())
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", newAddress())
                        .timeout(Duration.ofSeconds(10))
                        .POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PostgreSQL cannot store U+0000: it is refused up front as a validation error, never a 500. */
    @Test
    void textWithANulCharacterIs422() {
        String name = unique("nul");
        from(newAddress()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\"strongpassword123\","
                        + "\"native_language\":\"Ru\\u0000ss\"}")
                .post(REGISTER).then()
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("native_language"));
    }

    @Test
    void everyBrokenFieldOfAnApiKeyIsReportedAtOnce() {
        Account admin = newAdmin(admins);
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body("{\"label\":\" \",\"scopes\":[\"nope\"],\"rate_limit_per_min\":-1,\"expires_at\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/v1/admin/api-keys").then()
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("label", "scopes", "rate_limit_per_min", "expires_at"));
    }

    @Test
    void aMissingBodyIs400() {
        from(newAddress()).contentType(ContentType.JSON).post("/api/v1/auth/logout").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("BODY_REQUIRED"));
    }

    @Test
    void anUnproducibleAcceptIs406() {
        from(newAddress()).accept("application/xml").get("/api/v1/ping").then()
                .statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    /** "detail is always a human sentence": no Java type names in it. */
    @Test
    void aWrongTypeIsDescribedInJsonTerms() {
        Account admin = newAdmin(admins);
        Response response = bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body("{\"label\":\"x\",\"scopes\":\"bot\"}").post("/api/v1/admin/api-keys");
        response.then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", containsString("scopes"));
        assertThat(response.jsonPath().getString("detail")).contains("array")
                .doesNotContain("HashSet").doesNotContain("java.");
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body("{\"label\":\"x\",\"scopes\":[\"bot\"],\"rate_limit_per_min\":\"5\"}")
                .post("/api/v1/admin/api-keys").then()
                .statusCode(400).body("detail", containsString("rate_limit_per_min"));
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body("{\"label\":\"x\",\"scopes\":[\"bot\"],\"expires_at\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/v1/admin/api-keys").then()
                .statusCode(422).body("errors.field", hasItem("expires_at"));
    }

    @Test
    void formLoginWithoutAPasswordIs422() {
        from(newAddress()).contentType(ContentType.URLENC).formParam("username", unique("someone"))
                .post("/api/v1/auth/login").then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("password"));
        from(newAddress()).contentType(ContentType.JSON).body("{}").post("/api/v1/auth/login").then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("password", "username"));
    }

    @Test
    void anUnknownRouteIs404() {
        from(newAddress()).get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("ROUTE_NOT_FOUND"))
                .body("instance", equalTo("/api/v1/no-such-thing"))
                .body("trace_id", notNullValue());
        from(newAddress()).get("/definitely/not/here").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("ROUTE_NOT_FOUND"));
        from(newAddress()).contentType(ContentType.JSON).body("{}").post("/api/v1/auth/nope").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("ROUTE_NOT_FOUND"));
    }

    @Test
    void aWrongMethodIs405() {
        from(newAddress()).delete("/api/v1/auth/login").then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("METHOD_NOT_ALLOWED"))
                .body("detail", containsString("DELETE"));
        from(newAddress()).get("/api/v1/auth/register").then()
                .statusCode(405).contentType(PROBLEM_JSON).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    /** RFC 9110 15.5.6: a 405 response MUST carry Allow with the methods the resource supports. */
    @Test
    void aWrongMethodAnswerSaysWhichMethodsAreAllowed() {
        from(newAddress()).delete("/api/v1/auth/login").then()
                .statusCode(405)
                .header("Allow", containsString("POST"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        from(newAddress()).contentType(ContentType.TEXT).body("username=someone").post(REGISTER).then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        from(newAddress()).contentType(ContentType.XML).body("<login/>").post("/api/v1/auth/login").then()
                .statusCode(415).contentType(PROBLEM_JSON);
    }

    @Test
    void badPagingParametersAre422() {
        Account admin = newAdmin(admins);
        String address = newAddress();
        bearer(address, admin.tokens().access()).queryParam("page", "abc").get("/api/v1/admin/users").then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("page"));
        bearer(address, admin.tokens().access()).queryParam("limit", 101).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("limit"));
        bearer(address, admin.tokens().access()).queryParam("limit", 0).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("limit"));
        bearer(address, admin.tokens().access()).queryParam("page", 0).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("page"));
        bearer(address, admin.tokens().access()).queryParam("page", -1).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM_JSON);
        bearer(address, admin.tokens().access()).queryParam("limit", "abc").get("/api/v1/admin/api-keys").then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("limit"));
        // the valid edges pass
        bearer(address, admin.tokens().access()).queryParam("page", 1).queryParam("limit", 100)
                .get("/api/v1/admin/users").then().statusCode(200).body("limit", equalTo(100));
    }

    @Test
    void aBadPathParameterIsAProblem() {
        Account admin = newAdmin(admins);
        Response response = bearer(newAddress(), admin.tokens().access()).delete("/api/v1/admin/api-keys/not-a-uuid");
        assertThat(response.statusCode()).isIn(400, 404, 422);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertNoInternals(response);
    }

    private static void assertNoInternals(Response response) {
        String body = response.asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("at io.")
                .doesNotContain("jackson").doesNotContain("Caused by").doesNotContain("SQL");
        assertThat(response.header("X-Trace-Id")).isNotBlank();
        assertThat(response.jsonPath().getString("trace_id")).isEqualTo(response.header("X-Trace-Id"));
    }
}
