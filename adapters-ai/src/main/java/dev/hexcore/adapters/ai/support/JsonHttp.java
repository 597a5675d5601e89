package dev.hexcore.adapters.ai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body and hands back status, headers and body, with the call's own timeout. Network failures become
 * {@link Kind#TRANSIENT}, an expired timeout {@link Kind#TIMEOUT}; HTTP error statuses are returned, not thrown, so
 * each provider classifies its own error bodies. Messages name the URI path, never headers (they carry the key).
 */
public final class JsonHttp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ObjectMapper mapper;

    public JsonHttp(ObjectMapper mapper) {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build(),
                mapper);
    }

    public JsonHttp(HttpClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /** The answer of one POST: status, headers (for retry-after) and the body as text. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response post(URI uri, Map<String, String> headers, JsonNode body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        if (timeout != null && timeout.isPositive()) request.timeout(timeout);
        // HTTP/2 is negotiated over TLS; plain http (a local Ollama, WireMock) would try an h2c upgrade instead
        if ("http".equalsIgnoreCase(uri.getScheme())) request.version(HttpClient.Version.HTTP_1_1);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure(Kind.TIMEOUT, "no answer from " + uri.getPath() + " within " + timeout);
        } catch (IOException e) {
            throw new ProviderFailure(Kind.TRANSIENT, "network error calling " + uri.getPath() + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(Kind.TRANSIENT, "interrupted calling " + uri.getPath());
        }
    }

    private String write(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
    }
}
