package dev.hexcore.bootstrap.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.HexcoreTestInfrastructure;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ResultQuality;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway as the application wires it: the Gemini adapter against a local WireMock speaking Gemini's wire format,
 * the key pool with two keys of one project (counters in the suite's Redis), fallback to the offline provider, and the
 * admin view of the keys. Each test uses its own model name, so stubs never meet.
 */
@QuarkusTest
class ModelGatewayJourneyTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"name\",\"age\"],"
            + "\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}";

    @Inject
    ModelGateway gateway;

    @Inject
    EnsureAdminUseCase admins;

    private static WireMockServer gemini() {
        return HexcoreTestInfrastructure.providers();
    }

    private static String model() {
        return "gemini-test-" + UUID.randomUUID();
    }

    private static String path(String model) {
        return "/v1beta/models/" + model + ":generateContent";
    }

    /** A 1x1 PNG. */
    private static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /** Two images from a drawing; a budget shorter than the 31 s a quota 429 asks to wait, so the chain moves on. */
    private static ModelRequest drawing(List<ModelRef> chain) {
        ImageData png = new ImageData("image/png", java.util.Base64.getDecoder().decode(PNG_BASE64));
        return ModelRequest.image("wiring-test.image", chain, "Colour it in", List.of(png), chain.size() > 1 ? 2 : 1)
                .budget(Duration.ofSeconds(10)).build();
    }

    private static ModelRequest structured(List<ModelRef> chain) {
        return ModelRequest.structured("wiring-test", chain, "Name and age of Ivan, 30", SCHEMA)
                .cache(CachePolicy.bypass()).build();
    }

    @Test
    void aStructuredAnswerComesFromGeminiWithAKeyOfTheConfiguredProject() {
        String model = model();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{\\\"name\\\":\\\"Ivan\\\",\\\"age\\\":30}\"}],"
                        + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":7,\"totalTokenCount\":16},"
                        + "\"modelVersion\":\"" + model + "\"}")));

        ModelResult result = gateway.structured(structured(List.of(new ModelRef("gemini", model))));

        assertThat(result.provider()).isEqualTo("gemini");
        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.json()).contains("\"Ivan\"");
        assertThat(result.keyId()).startsWith("gemini-").endsWith(HexcoreTestInfrastructure.RUN);
        gemini().verify(1, postRequestedFor(urlPathEqualTo(path(model)))
                .withHeader("x-goog-api-key", equalTo(result.keyId().startsWith("gemini-a")
                        ? "test-secret-a-" + HexcoreTestInfrastructure.RUN : "test-secret-b-" + HexcoreTestInfrastructure.RUN)));
    }

    @Test
    void anImageIsMadeByGeminisImageModelWithAPooledKey() {
        String model = model();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Coloured in: \"},"
                        + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + PNG_BASE64 + "\"}}],"
                        + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":264,\"candidatesTokenCount\":1290,\"totalTokenCount\":1554},"
                        + "\"modelVersion\":\"gemini-2.5-flash-image\"}")));

        ModelResult result = gateway.images(drawing(List.of(new ModelRef("gemini", model))));

        assertThat(result.provider()).isEqualTo("gemini");
        assertThat(result.images()).singleElement().satisfies(image -> assertThat(image.mimeType()).isEqualTo("image/png"));
        assertThat(result.keyId()).startsWith("gemini-");
        gemini().verify(1, postRequestedFor(urlPathEqualTo(path(model)))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"responseModalities\"")));
    }

    @Test
    void anImageModelOverItsQuotaFallsBackToTheOfflineTransformOfTheInput() {
        String model = model();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\","
                        + "\"violations\":[{\"quotaId\":\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]},"
                        + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"31s\"}]}}")));

        ModelResult result = gateway.images(drawing(List.of(new ModelRef("gemini", model), new ModelRef("offline", "offline"))));

        assertThat(result.provider()).isEqualTo("offline");
        assertThat(result.images()).hasSize(2).allSatisfy(image -> assertThat(image.mimeType()).isEqualTo("image/png"));
        gemini().verify(1, postRequestedFor(urlPathEqualTo(path(model))));
    }

    @Test
    void anOverloadedModelFallsBackToTheNextInTheChain() {
        String model = model();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\","
                        + "\"status\":\"UNAVAILABLE\"}}")));

        ModelResult result = gateway.structured(structured(List.of(new ModelRef("gemini", model), new ModelRef("offline", "offline"))));

        assertThat(result.provider()).isEqualTo("offline");
        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.json()).contains("\"name\"");
    }

    @Test
    void aBlockedPromptIsABadResponseAndAdminsSeeTheKeysWithoutSecrets() {
        String model = model();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9}}")));

        assertThatExceptionOfType(ModelBadResponseException.class)
                .isThrownBy(() -> gateway.structured(structured(List.of(new ModelRef("gemini", model)))));

        var admin = newAdmin(admins);
        String body = bearer(newAddress(), admin.tokens().access()).get("/api/v1/admin/model-keys").then().statusCode(200)
                .extract().asString();
        JsonPath keys = new JsonPath(body);
        assertThat(keys.getList("key_id", String.class)).contains("gemini-a-" + HexcoreTestInfrastructure.RUN,
                "gemini-b-" + HexcoreTestInfrastructure.RUN);
        assertThat(keys.getList("project", String.class)).contains("project-" + HexcoreTestInfrastructure.RUN);
        assertThat(body).doesNotContain("test-secret");
    }

    @Test
    void anAdminDisablesAKeyWithOrWithoutAReasonAndEnablesItAgain() {
        var admin = newAdmin(admins);
        String address = newAddress();
        String keyId = "gemini-b-" + HexcoreTestInfrastructure.RUN;
        String keys = "/api/v1/admin/model-keys/";
        try {
            // the body is optional: a bare POST (no Content-Type) disables with the default reason
            JsonPath bare = bearer(address, admin.tokens().access()).post(keys + keyId + "/disable").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(bare.getString("key_id")).isEqualTo(keyId);
            assertThat(bare.getBoolean("enabled")).isFalse();
            assertThat(bare.getString("disabled_reason")).isEqualTo("disabled by an admin");

            JsonPath empty = bearer(address, admin.tokens().access()).contentType("application/json").post(keys + keyId + "/disable")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(empty.getBoolean("enabled")).isFalse();

            JsonPath reasoned = bearer(address, admin.tokens().access()).contentType("application/json")
                    .body("{\"reason\":\" leaked in a log \"}").post(keys + keyId + "/disable").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(reasoned.getString("disabled_reason")).isEqualTo("leaked in a log");
        } finally {
            JsonPath enabled = bearer(address, admin.tokens().access()).post(keys + keyId + "/enable").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(enabled.getBoolean("enabled")).isTrue();
            assertThat(enabled.getString("disabled_reason")).isNull();
        }
        bearer(address, admin.tokens().access()).post(keys + "no-such-key/disable").then().statusCode(404);
        bearer(address, admin.tokens().access()).contentType("application/json").body("{\"reason\":")
                .post(keys + keyId + "/disable").then().statusCode(400);
        bearer(address, admin.tokens().access()).contentType("text/plain").body("leaked")
                .post(keys + keyId + "/disable").then().statusCode(415);
        bearer(address, admin.tokens().access()).contentType("application/json")
                .body("{\"reason\":\"" + "x".repeat(501) + "\"}").post(keys + keyId + "/disable").then().statusCode(422);
        JsonPath after = bearer(address, admin.tokens().access()).get("/api/v1/admin/model-keys").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getList("findAll { it.key_id == '" + keyId + "' }.enabled", Boolean.class))
                .as("refused requests leave the key as it was").containsExactly(true);
    }
}
