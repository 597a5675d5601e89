package dev.hexcore.adapters.ai.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hexcore.adapters.ai.support.Calls;
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

/** An OpenAI-compatible provider (Groq's base path) against WireMock with the real bodies of the wire formats. */
class OpenAiCompatibleProviderTest {
    private static final String PATH = "/openai/v1/chat/completions";
    private static final String MODEL = "llama-3.3-70b-versatile";
    private static final String SUCCESS = """
            {"id":"chatcmpl-f51b2cd2","object":"chat.completion","created":1730241104,"model":"llama-3.3-70b-versatile",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"name\\":\\"Ivan\\",\\"age\\":30}"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":24,"completion_tokens":12,"total_tokens":36}}""";
    private static WireMockServer wireMock;

    private OpenAiCompatibleProvider groq;

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
        groq = provider(StructuredOutput.JSON_SCHEMA_STRICT);
    }

    private static OpenAiCompatibleProvider provider(StructuredOutput structuredOutput) {
        return new OpenAiCompatibleProvider("groq", URI.create(wireMock.baseUrl() + "/openai/v1/"), structuredOutput,
                Calls.noRetries());
    }

    private void answer(int status, String body) {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ProviderFailure failureOf(ProviderCall call) {
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> groq.call(call));
        assertThat(failure).as("a ProviderFailure").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(Calls.SECRET);
        return failure;
    }

    @Test
    void answersWithTextUsageAndTheBearerKey() {
        answer(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1730241104,"model":"llama-3.3-70b-versatile",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}""");

        ProviderReply reply = groq.call(Calls.text(MODEL, "You are a concise assistant.", "Say hello"));

        assertThat(reply.text()).isEqualTo("Hello!");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(9, 3, 12));
        assertThat(reply.modelVersion()).isEqualTo(MODEL);
        assertThat(groq.name()).isEqualTo("groq");
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + Calls.SECRET))
                .withRequestBody(equalToJson("""
                        {"model":"llama-3.3-70b-versatile","messages":[
                          {"role":"system","content":"You are a concise assistant."},
                          {"role":"user","content":"Say hello"}],"temperature":0.7,"max_completion_tokens":256}""")));
    }

    @Test
    void sendsJsonSchemaResponseFormat() {
        answer(200, SUCCESS);

        ProviderReply reply = groq.call(Calls.structured(MODEL, "Name and age of Ivan, 30"));

        assertThat(reply.text()).isEqualTo("{\"name\":\"Ivan\",\"age\":30}");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(24, 12, 36));
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model":"llama-3.3-70b-versatile","messages":[{"role":"system","content":"Reply in JSON."},
                 {"role":"user","content":"Name and age of Ivan, 30"}],"temperature":0.2,"max_completion_tokens":512,
                 "response_format":{"type":"json_schema","json_schema":{"name":"response","strict":true,"schema":%s}}}"""
                .formatted(Calls.PERSON_SCHEMA))));
    }

    @Test
    void sendsJsonObjectResponseFormatWithTheSchemaInTheSystemMessage() {
        answer(200, SUCCESS);

        provider(StructuredOutput.JSON_OBJECT).call(Calls.structured(MODEL, "Name and age of Ivan, 30"));

        String compactSchema = Calls.PERSON_SCHEMA.replaceAll("\\s", "");
        String system = "Reply in JSON.\\n\\nReply with one JSON object that satisfies this JSON Schema:\\n"
                + compactSchema.replace("\"", "\\\"");
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model":"llama-3.3-70b-versatile","messages":[{"role":"system","content":"%s"},
                 {"role":"user","content":"Name and age of Ivan, 30"}],"temperature":0.2,"max_completion_tokens":512,
                 "response_format":{"type":"json_object"}}""".formatted(system))));
    }

    @Test
    void sendsInputImagesAsDataUrls() {
        answer(200, """
                {"id":"chatcmpl-2","object":"chat.completion","created":1730241104,"model":"llama-4-scout",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"A single pixel."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":4,"total_tokens":34}}""");

        ProviderReply reply = groq.call(Calls.withImage("llama-4-scout", "What is in this picture?", 0));

        assertThat(reply.text()).isEqualTo("A single pixel.");
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model":"llama-4-scout","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is in this picture?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}"""
                .formatted(Base64.getEncoder().encodeToString(Calls.PNG)))));
    }

    @Test
    void malformedJsonInAStructuredCallIsBadOutput() {
        answer(200, """
                {"id":"chatcmpl-3","object":"chat.completion","created":1730241104,"model":"llama-3.3-70b-versatile",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Sure! {\\"name\\": \\"Ivan\\""},"finish_reason":"stop"}]}""");

        assertThat(failureOf(Calls.structured(MODEL, "Name and age of Ivan, 30")).kind()).isEqualTo(Kind.BAD_OUTPUT);
    }

    @Test
    void rateLimitTakesTheWaitFromTheRetryAfterHeader() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "5")
                .withHeader("x-ratelimit-limit-tokens", "6000").withHeader("x-ratelimit-reset-tokens", "5.289s")
                .withBody("""
                        {"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 700. Please try again in 5.289s. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing","type":"tokens","code":"rate_limit_exceeded"}}""")));

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(failure.providerCode()).isEqualTo("rate_limit_exceeded");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void rateLimitWithoutHeaderTakesTheWaitFromTheMessage() {
        answer(429, """
                {"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 700. Please try again in 5.289s.","type":"tokens","code":"rate_limit_exceeded"}}""");

        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).retryAfter()).isEqualTo(Duration.ofMillis(5289));
    }

    @Test
    void groqRequestsPerDayLimitIsRateLimitedDay() {
        answer(429, """
                {"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01` service tier `on_demand` on requests per day (RPD): Limit 1000, Used 1000, Requested 1. Please try again in 1m26.4s.","type":"requests","code":"rate_limit_exceeded"}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED_DAY);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(86_400));
    }

    @Test
    void insufficientQuotaIsBilling() {
        answer(429, """
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""");

        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.BILLING_QUOTA);
    }

    @Test
    void jsonValidateFailedIsBadOutput() {
        answer(400, """
                {"error":{"message":"Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"{\\"name\\": \\"Ivan\\", \\"age\\": thirty}"}}""");

        ProviderFailure failure = failureOf(Calls.structured(MODEL, "Name and age of Ivan, 30"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_OUTPUT);
        assertThat(failure.providerCode()).isEqualTo("json_validate_failed");
    }

    @Test
    void invalidKeyIsKeyInvalidAndAnEchoedSecretIsRedacted() {
        answer(401, """
                {"error":{"message":"Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"""
                .formatted(Calls.SECRET));

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.KEY_INVALID);
        assertThat(failure.getMessage()).contains("<key key-1>");
    }

    @Test
    void unknownModelIsModelUnavailable() {
        answer(404, """
                {"error":{"message":"The model `llama-2-70b` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}""");

        assertThat(failureOf(Calls.text("llama-2-70b", null, "Say hello")).kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
    }

    @Test
    void serviceUnavailableAndCapacityExceededAreOverloaded() {
        answer(503, """
                {"error":{"message":"Service Unavailable","type":"internal_server_error"}}""");
        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.OVERLOADED);

        answer(498, """
                {"error":{"message":"Capacity exceeded for this model. Please try again later.","type":"capacity_exceeded","code":"capacity_exceeded"}}""");
        assertThat(failureOf(Calls.text(MODEL, null, "Say hello")).kind()).isEqualTo(Kind.OVERLOADED);
    }

    @Test
    void aTruncatedAnswerIsBlocked() {
        answer(200, """
                {"id":"chatcmpl-4","object":"chat.completion","created":1730241104,"model":"llama-3.3-70b-versatile",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello, and let me"},"finish_reason":"length"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":256,"total_tokens":265}}""");

        ProviderFailure failure = failureOf(Calls.text(MODEL, null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.BLOCKED);
        assertThat(failure.providerCode()).isEqualTo("length");
    }

    @Test
    void ollamaStyleStringErrorsAreRead() {
        answer(404, """
                {"error":"model \\"llama3.3\\" not found, try pulling it first"}""");

        ProviderFailure failure = failureOf(Calls.text("llama3.3", null, "Say hello"));

        assertThat(failure.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("not found, try pulling it first");
    }

    @Test
    void noAnswerWithinTheCallTimeoutIsTimeout() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody(SUCCESS)));

        ProviderFailure failure = failureOf(Calls.withTimeout(Calls.text(MODEL, null, "Say hello"),
                Duration.ofMillis(200)));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
    }
}
