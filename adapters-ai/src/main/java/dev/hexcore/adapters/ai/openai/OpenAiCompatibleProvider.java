package dev.hexcore.adapters.ai.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.ai.support.JsonHttp;
import dev.hexcore.adapters.ai.support.ProviderGuards;
import dev.hexcore.adapters.ai.support.ResiliencePolicy;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderReply;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Any OpenAI-compatible chat completions API ({@code POST {baseUrl}/chat/completions}, {@code Authorization: Bearer}):
 * Groq ({@code https://api.groq.com/openai/v1}), OpenAI ({@code https://api.openai.com/v1}), Ollama
 * ({@code http://localhost:11434/v1}), vLLM, OpenRouter ({@code https://openrouter.ai/api/v1}).
 *
 * <p>Bootstrap makes one instance per configured provider name, each with its own base URL, so the adapter is built
 * from plain values instead of one {@code @RegisterRestClient} interface per URL. HTTP goes through the JDK
 * {@link java.net.http.HttpClient}: the timeout is per call ({@link ProviderCall#timeout()}) and the adapter, fault
 * tolerance included, runs in plain JUnit against WireMock. Retries of transient failures with exponential backoff and
 * jitter and a circuit breaker per model come from {@link ProviderGuards}. See
 * docs/adr/0008-model-provider-adapters.md.
 */
public final class OpenAiCompatibleProvider implements ModelProviderPort {
    private final String name;
    private final URI completions;
    private final JsonHttp http;
    private final ProviderGuards guards;
    private final OpenAiRequests requests;
    private final OpenAiReplies replies;
    private final OpenAiErrors errors;

    /** A provider asked for strict {@code json_schema} output, with {@link ResiliencePolicy#defaults()}. */
    public OpenAiCompatibleProvider(String name, URI baseUrl) {
        this(name, baseUrl, StructuredOutput.JSON_SCHEMA_STRICT, ResiliencePolicy.defaults());
    }

    /**
     * @param name             the provider name in model chains ("groq", "openai", "ollama", ...)
     * @param baseUrl          the API root that {@code /chat/completions} is appended to
     * @param structuredOutput how this provider is asked for JSON
     */
    public OpenAiCompatibleProvider(String name, URI baseUrl, StructuredOutput structuredOutput,
                                    ResiliencePolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.completions = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/chat/completions");
        ObjectMapper mapper = new ObjectMapper();
        this.http = new JsonHttp(mapper);
        this.guards = new ProviderGuards(name, Objects.requireNonNull(policy, "policy"));
        this.requests = new OpenAiRequests(mapper, Objects.requireNonNull(structuredOutput, "structuredOutput"));
        this.replies = new OpenAiReplies(mapper);
        this.errors = new OpenAiErrors(name, mapper);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Calls the model with the call's key (no Authorization header when its secret is empty, as for a local Ollama).
     *
     * @throws ProviderFailure classified per the wire formats; its message never holds the key's secret */
    @Override
    public ProviderReply call(ProviderCall call) {
        Objects.requireNonNull(call.key(), "key");
        var body = requests.body(call);
        Map<String, String> headers = call.key().secret().isEmpty()
                ? Map.of() : Map.of("Authorization", "Bearer " + call.key().secret());
        return guards.call(call.model(), () -> {
            JsonHttp.Response response = http.post(completions, headers, body, call.timeout());
            if (!response.ok()) {
                throw errors.classify(response.status(), response.headers().firstValue("retry-after").orElse(null),
                        response.body(), call.key());
            }
            return replies.read(call, response.body());
        });
    }
}
