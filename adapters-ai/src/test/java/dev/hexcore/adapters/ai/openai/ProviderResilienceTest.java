package dev.hexcore.adapters.ai.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hexcore.adapters.ai.support.Calls;
import dev.hexcore.adapters.ai.support.ResiliencePolicy;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries of transient failures and the circuit breaker per model, through the real SmallRye guards. */
class ProviderResilienceTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String SERVER_ERROR = """
            {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error"}}""";
    private static final String SUCCESS = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1730241104,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}""";
    private static WireMockServer wireMock;

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
    void reset() {
        wireMock.resetAll();
    }

    private static OpenAiCompatibleProvider openAi(ResiliencePolicy policy) {
        return new OpenAiCompatibleProvider("openai", URI.create(wireMock.baseUrl() + "/v1"),
                StructuredOutput.JSON_SCHEMA_STRICT, policy);
    }

    @Test
    void aTransient500IsRetriedAndTheSecondAnswerReturned() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody(SERVER_ERROR)).willSetStateTo("recovered"));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(SUCCESS)));
        var retrying = new ResiliencePolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(10),
                10, 0.5, Duration.ofMinutes(1));

        var reply = openAi(retrying).call(Calls.text("gpt-4o-mini", null, "Say hello"));

        assertThat(reply.text()).isEqualTo("Hello!");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void rateLimitsAreNotRetried() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("retry-after", "2")
                .withBody("""
                        {"error":{"message":"Rate limit reached for gpt-4o-mini. Please try again in 2s.","type":"requests","code":"rate_limit_exceeded"}}""")));
        var retrying = new ResiliencePolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(10),
                10, 0.5, Duration.ofMinutes(1));

        var failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(retrying).call(Calls.text("gpt-4o-mini", null, "Say hello")));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void theCircuitOfAModelOpensAfterRepeatedServerErrorsAndSparesOtherModels() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(SERVER_ERROR)));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"model\":\"gpt-4o\"}", true, true))
                .willReturn(aResponse().withStatus(200).withBody(SUCCESS)));
        var noRetriesSmallWindow = new ResiliencePolicy(0, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ZERO,
                4, 0.5, Duration.ofMinutes(1));
        var provider = openAi(noRetriesSmallWindow);

        for (int i = 0; i < 4; i++) {
            var failure = catchThrowableOfType(ProviderFailure.class,
                    () -> provider.call(Calls.text("gpt-4o-mini", null, "Say hello")));
            assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        }
        var open = catchThrowableOfType(ProviderFailure.class,
                () -> provider.call(Calls.text("gpt-4o-mini", null, "Say hello")));

        assertThat(open.kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(open.getMessage()).contains("circuit open for openai/gpt-4o-mini");
        wireMock.verify(4, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(provider.call(Calls.text("gpt-4o", null, "Say hello")).text()).isEqualTo("Hello!");
    }
}
