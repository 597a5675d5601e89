package dev.hexcore.adapters.ai.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hexcore.adapters.ai.support.Calls;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gemini against WireMock with the real answers and error bodies of the wire-formats reference. */
class GeminiProviderTest {
    private static final String PATH = "/v1beta/models/[^/:]+:generateContent";
    private static final String MODEL = "gemini-2.5-flash";
    private static WireMockServer wireMock;

    private GeminiProvider gemini;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void setUp() {
        wireMock.resetAll();
        gemini = new GeminiProvider(URI.create(wireMock.baseUrl()), Calls.noRetries());
    }

    private void answer(int status, String body) {
        wireMock.stubFor(post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ProviderFailure failureOf(ProviderCall call) {
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> gemini.call(call));
        assertThat(failure).as("a ProviderFailure").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(Calls.SECRET);
        return failure;
    }

    @Test
    void answersTextAndSendsTheKeyInTheHeader() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"Hello!"}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":3,"totalTokenCount":12},
                 "modelVersion":"gemini-2.5-flash","responseId":"mAitaLmkHPPlz7IPvtfUqQ4"}""");

        ProviderReply reply = gemini.call(Calls.text(MODEL, "You are a concise assistant.", "Say hello"));

        assertThat(reply.text()).isEqualTo("Hello!");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(9, 3, 12));
        assertThat(reply.modelVersion()).isEqualTo("gemini-2.5-flash");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-2.5-flash:generateContent"))
                .withHeader("x-goog-api-key", equalTo(Calls.SECRET))
                .withRequestBody(equalToJson("""
                        {"systemInstruction":{"parts":[{"text":"You are a concise assistant."}]},
                         "contents":[{"role":"user","parts":[{"text":"Say hello"}]}],
                         "generationConfig":{"temperature":0.7,"maxOutputTokens":256}}""")));
    }

    @Test
    void sendsStructuredCallsAsResponseJsonSchemaAndReturnsTheJsonText() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"{\\"name\\":\\"Ivan\\",\\"age\\":30}"}],"role":"model"},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":9,"totalTokenCount":29},
                 "modelVersion":"gemini-2.5-flash"}""");

        ProviderReply reply = gemini.call(Calls.structured(MODEL, "Name and age of Ivan, 30"));

        assertThat(reply.text()).isEqualTo("{\"name\":\"Ivan\",\"age\":30}");
        wireMock.verify(postRequestedFor(urlPathMatching(PATH)).withRequestBody(equalToJson("""
                {"systemInstruction":{"parts":[{"text":"Reply in JSON."}]},
                 "contents":[{"role":"user","parts":[{"text":"Name and age of Ivan, 30"}]}],
                 "generationConfig":{"temperature":0.2,"maxOutputTokens":512,"responseMimeType":"application/json",
                   "responseJsonSchema":%s}}""".formatted(Calls.PERSON_SCHEMA))));
    }

    @Test
    void leavesASchemasExamplesOutOfTheRequest() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"{\\"name\\":\\"Ivan\\",\\"age\\":30}"}],"role":"model"},
                 "finishReason":"STOP","index":0}],"modelVersion":"gemini-2.5-flash"}""");
        String withExamples = Calls.PERSON_SCHEMA.substring(0, Calls.PERSON_SCHEMA.lastIndexOf('}'))
                + ",\"examples\":[{\"name\":\"Offline\",\"age\":1}]}";
        ProviderCall call = Calls.structured(MODEL, "Name and age of Ivan, 30");
        gemini.call(new ProviderCall(call.model(), call.key(), call.system(), call.messages(), withExamples, call.images(),
                call.imageOutputs(), call.temperature(), call.maxOutputTokens(), call.timeout()));

        wireMock.verify(postRequestedFor(urlPathMatching(PATH)).withRequestBody(matchingJsonPath(
                "$.generationConfig.responseJsonSchema", equalToJson(Calls.PERSON_SCHEMA))));
    }

    @Test
    void sendsImagesAsInlineDataAndReturnsEveryImagePart() {
        String png = Base64.getEncoder().encodeToString(Calls.PNG);
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"Here is your picture."},
                   {"inlineData":{"mimeType":"image/png","data":"%s"}},
                   {"inlineData":{"mimeType":"image/png","data":"%s"}}],"role":"model"},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":270,"candidatesTokenCount":1290,"totalTokenCount":1560},
                 "modelVersion":"gemini-2.5-flash-image"}""".formatted(png, png));

        ProviderReply reply = gemini.call(Calls.withImage("gemini-2.5-flash-image", "Colour this drawing", 2));

        assertThat(reply.images()).containsExactly(new ImageData("image/png", Calls.PNG),
                new ImageData("image/png", Calls.PNG));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-2.5-flash-image:generateContent"))
                .withRequestBody(equalToJson("""
                        {"contents":[{"role":"user","parts":[{"text":"Colour this drawing"},
                           {"inlineData":{"mimeType":"image/png","data":"%s"}}]}],
                         "generationConfig":{"responseModalities":["TEXT","IMAGE"]}}""".formatted(png))));
    }

    @Test
    void imageRequestedButNoneReturnedIsBlocked() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"I can't draw that."}],"role":"model"},
                 "finishReason":"STOP","index":0}],"modelVersion":"gemini-2.5-flash-image"}""");

        assertThat(failureOf(Calls.withImage("gemini-2.5-flash-image", "Colour this", 1)).kind()).isEqualTo(Kind.BLOCKED);
    }

    // ---- image generation (gemini-2.5-flash-image), with the bodies Gemini sends ----

    @Test
    void anImageModelsAnswerGivesItsInlineDataImageAndCountsItsImageTokens() {
        String png = Base64.getEncoder().encodeToString(Calls.PNG);
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"Here is the drawing, coloured in as a watercolour: "},
                   {"inlineData":{"mimeType":"image/png","data":"%s"}}],"role":"model"},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":264,"candidatesTokenCount":1290,"totalTokenCount":1554,
                   "promptTokensDetails":[{"modality":"TEXT","tokenCount":6},{"modality":"IMAGE","tokenCount":258}],
                   "candidatesTokensDetails":[{"modality":"IMAGE","tokenCount":1290}]},
                 "modelVersion":"gemini-2.5-flash-image","responseId":"Zx9OaPzKJ8mVz7IP0Zy8kQk"}""".formatted(png));

        ProviderReply reply = gemini.call(Calls.withImage("gemini-2.5-flash-image", "Colour it as a watercolour", 1));

        assertThat(reply.images()).containsExactly(new ImageData("image/png", Calls.PNG));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(264, 1290, 1554));
        assertThat(reply.modelVersion()).isEqualTo("gemini-2.5-flash-image");
    }

    @Test
    void anImageModelOverItsPerMinuteQuotaIsRateLimitedForTheRetryDelay() {
        answer(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
                 "status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                    "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                    "quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                    "quotaDimensions":{"location":"global","model":"gemini-2.5-flash-image"},"quotaValue":"10"}]},
                  {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas",
                    "url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31.457021s"}]}}""");

        ProviderFailure failure = failureOf(Calls.withImage("gemini-2.5-flash-image", "Colour this", 1));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED_MINUTE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(31, 457_021_000));
        assertThat(failure.providerCode()).isEqualTo("RESOURCE_EXHAUSTED");
    }

    @Test
    void anImageHeldBackForSafetyIsBlocked() {
        answer(200, """
                {"candidates":[{"finishReason":"IMAGE_SAFETY","index":0}],
                 "usageMetadata":{"promptTokenCount":264,"totalTokenCount":264,
                   "promptTokensDetails":[{"modality":"TEXT","tokenCount":6},{"modality":"IMAGE","tokenCount":258}]},
                 "modelVersion":"gemini-2.5-flash-image","responseId":"aB9OaJ2xLq2Vz7IPkfS9iQk"}""");

        ProviderFailure failure = failureOf(Calls.withImage("gemini-2.5-flash-image", "Colour this", 1));

        assertThat(failure.kind()).isEqualTo(Kind.BLOCKED);
        assertThat(failure.providerCode()).isEqualTo("IMAGE_SAFETY");
    }

    @Test
    void anInputImageGeminiCannotReadIsAnInvalidRequestAndNotTheKeysFault() {
        answer(400, """
                {"error":{"code":400,"message":"Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
                 "status":"INVALID_ARGUMENT"}}""");

        ProviderFailure failure = failureOf(Calls.withImage("gemini-2.5-flash-image", "Colour this", 1));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(failure.providerCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(failure.getMessage()).contains("Unable to process input image");
    }

    @Test
    void skipsThoughtParts() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"The user wants a greeting.","thought":true},
                   {"text":"Hello!"}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":3,"thoughtsTokenCount":40,"totalTokenCount":52},
                 "modelVersion":"gemini-2.5-pro"}""");

        ProviderReply reply = gemini.call(Calls.text("gemini-2.5-pro", null, "Say hello"));

        assertThat(reply.text()).isEqualTo("Hello!");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(9, 43, 52));
    }

    @Test
    void anAnswerOfThoughtsOnlyIsBlocked() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"Thinking about a greeting.","thought":true}],"role":"model"},
                 "finishReason":"STOP","index":0}],"modelVersion":"gemini-2.5-pro"}""");

        assertThat(failureOf(Calls.text("gemini-2.5-pro", null, "Say hello")).kind()).isEqualTo(Kind.BLOCKED);
    }

    @Test
    void noCandidatesWithABlockReasonIsBlocked() {
        answer(200, """
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[
                  {"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]},
                 "usageMetadata":{"promptTokenCount":12,"totalTokenCount":12},"modelVersion":"gemini-2.5-flash"}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "something dangerous"));

        assertThat(failure.kind()).isEqualTo(Kind.BLOCKED);
        assertThat(failure.providerCode()).isEqualTo("SAFETY");
    }

    @Test
    void finishReasonMaxTokensIsBlocked() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"Hello, and let me tell you"}],"role":"model"},
                 "finishReason":"MAX_TOKENS","index":0}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":256,"totalTokenCount":265}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.BLOCKED);
        assertThat(failure.providerCode()).isEqualTo("MAX_TOKENS");
    }

    @Test
    void malformedJsonInAStructuredCallIsBadOutput() {
        answer(200, """
                {"candidates":[{"content":{"parts":[{"text":"{\\"name\\":\\"Ivan\\",\\"age\\":"}],"role":"model"},
                 "finishReason":"STOP","index":0}]}""");

        assertThat(failureOf(Calls.structured(MODEL, "Name and age of Ivan, 30")).kind()).isEqualTo(Kind.BAD_OUTPUT);
    }

    @Test
    void perMinuteQuotaIsRateLimitedMinuteWithTheRetryDelay() {
        answer(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
                 "status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                    "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                    "quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                    "quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"10"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"26s"}]}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED_MINUTE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(26));
        assertThat(failure.providerCode()).isEqualTo("RESOURCE_EXHAUSTED");
        wireMock.verify(1, postRequestedFor(urlPathMatching(PATH)));
    }

    @Test
    void fractionalRetryDelayIsKeptToTheNanosecond() {
        answer(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
                 "status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                    "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_input_token_count",
                    "quotaId":"GenerateContentInputTokensPerModelPerMinute-FreeTier",
                    "quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"250000"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"45.837906927s"}]}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED_MINUTE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(45, 837_906_927));
    }

    @Test
    void perDayQuotaIsRateLimitedDay() {
        answer(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
                 "status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                    "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                    "quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier",
                    "quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"250"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}""");

        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.RATE_LIMITED_DAY);
    }

    @Test
    void bare429IsRateLimited() {
        answer(429, """
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isNull();
        wireMock.verify(1, postRequestedFor(urlPathMatching(PATH)));
    }

    @Test
    void unavailableIsOverloaded() {
        answer(503, """
                {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(failure.providerCode()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void invalidApiKeyIsKeyInvalid() {
        answer(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID",
                   "domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.KEY_INVALID);
        assertThat(failure.providerCode()).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void otherBadRequestsAreInvalidRequests() {
        answer(400, """
                {"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \\"additionalProperties\\" at 'generation_config.response_schema': Cannot find field.",
                 "status":"INVALID_ARGUMENT"}}""");

        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void permissionDeniedIsKeyInvalid() {
        answer(403, """
                {"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
                 "status":"PERMISSION_DENIED"}}""");

        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.KEY_INVALID);
    }

    @Test
    void retiredModelIsModelUnavailable() {
        answer(404, """
                {"error":{"code":404,"message":"models/gemini-1.0-pro is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.",
                 "status":"NOT_FOUND"}}""");

        assertThat(failureOf(Calls.text("gemini-1.0-pro", null, "Say hello")).kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
    }

    @Test
    void internalErrorsAreTransientAndRetriedBeforeGivingUp() {
        answer(500, """
                {"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}""");
        var retryingTwice = new dev.hexcore.adapters.ai.support.ResiliencePolicy(2, Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(5), 100, 1.0, Duration.ofMinutes(1));
        gemini = new GeminiProvider(URI.create(wireMock.baseUrl()), retryingTwice);

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.providerCode()).isEqualTo("INTERNAL");
        wireMock.verify(3, postRequestedFor(urlPathMatching(PATH)));
    }

    @Test
    void noAnswerWithinTheCallTimeoutIsTimeout() {
        wireMock.stubFor(post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody("{}")));

        ProviderFailure failure = failureOf(Calls.withTimeout(Calls.text(MODEL, null, "Say hello"),
                Duration.ofMillis(200)));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void aKeyEchoedInAnErrorBodyIsRedacted() {
        answer(400, """
                {"error":{"code":400,"message":"API key not valid: %s","status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"""
                .formatted(Calls.SECRET));

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.getMessage()).contains("<key key-1>");
    }
}
