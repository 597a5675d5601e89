package dev.hexcore.adapters.ai.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.JsonHttp;
import dev.hexcore.adapters.ai.support.ProviderGuards;
import dev.hexcore.adapters.ai.support.ResiliencePolicy;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderReply;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Google Gemini through the Generative Language API ({@code POST /v1beta/models/{model}:generateContent}, key in the
 * {@code x-goog-api-key} header so it never appears in a URL or a log line).
 *
 * <p>Built from plain values so bootstrap can construct it from configuration and tests can point it at WireMock.
 * It talks HTTP through the JDK {@link java.net.http.HttpClient} rather than a Quarkus REST client: the timeout is
 * per call ({@link ProviderCall#timeout()}), not per client, and the adapter (fault tolerance included) runs in plain
 * JUnit without starting Quarkus. Timeouts come from the call, retries of transient failures with exponential backoff
 * and jitter and a circuit breaker per model from {@link ProviderGuards}. See docs/adr/0008-model-provider-adapters.md.
 */
public final class GeminiProvider implements ModelProviderPort {
    /** Where Google serves the API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://generativelanguage.googleapis.com");

    private final String name;
    private final String baseUrl;
    private final JsonHttp http;
    private final ProviderGuards guards;
    private final GeminiRequests requests;
    private final GeminiReplies replies;
    private final GeminiErrors errors;

    /** Gemini at {@link #DEFAULT_BASE_URL} with {@link ResiliencePolicy#defaults()}. */
    public GeminiProvider() {
        this(DEFAULT_BASE_URL, ResiliencePolicy.defaults());
    }

    public GeminiProvider(URI baseUrl, ResiliencePolicy policy) {
        this("gemini", baseUrl, policy);
    }

    /** @param name the provider name in model chains ("gemini"), also naming its circuit breakers */
    public GeminiProvider(String name, URI baseUrl, ResiliencePolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl").toString());
        ObjectMapper mapper = new ObjectMapper();
        this.http = new JsonHttp(mapper);
        this.guards = new ProviderGuards(name, Objects.requireNonNull(policy, "policy"));
        this.requests = new GeminiRequests(mapper);
        this.replies = new GeminiReplies(mapper);
        this.errors = new GeminiErrors(mapper);
    }

    @Override
    public String name() {
        return name;
    }

    /** @throws ProviderFailure classified per the wire formats; its message never holds the key's secret */
    @Override
    public ProviderReply call(ProviderCall call) {
        Objects.requireNonNull(call.key(), "key");
        var body = requests.body(call);
        URI uri = URI.create(baseUrl + "/v1beta/models/" + URLEncoder.encode(call.model(), StandardCharsets.UTF_8)
                + ":generateContent");
        Map<String, String> headers = Map.of("x-goog-api-key", call.key().secret());
        return guards.call(call.model(), () -> {
            JsonHttp.Response response = http.post(uri, headers, body, call.timeout());
            if (!response.ok()) throw errors.classify(response.status(), response.body(), call.key());
            return replies.read(call, response.body());
        });
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
