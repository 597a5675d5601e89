package dev.hexcore.adapters.payments.yookassa;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.payments.yookassa.YooKassaRetries.NoAnswer;
import dev.hexcore.adapters.payments.yookassa.YooKassaRetries.Response;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentProviderException.Kind;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@link PaymentProvider} on YooKassa API v3 ({@code POST /payments}, {@code GET /payments/{id}},
 * {@code GET /refunds/{id}}; HTTP Basic auth with the shop id and secret key). Selected by bootstrap as
 * {@code @Named("yookassa")} when {@code hexcore.payments.provider=yookassa}.
 *
 * <ul>
 *   <li>A create sends {@link NewPayment#idempotenceKey()} as {@code Idempotence-Key}, and every retry sends the same
 *       key and the same bytes, so YooKassa answers a retried create with the payment it created first.</li>
 *   <li>Retries of 429, 5xx, timeouts and network errors, with backoff and within a time budget:
 *       {@link YooKassaRetries}. Exhausted → {@code UNAVAILABLE} (with YooKassa's Retry-After when it gave one).</li>
 *   <li>400 (and any other 4xx, 404 on a create included) → {@code REJECTED} with YooKassa's {@code code}, description
 *       and parameter; 401 and 403 → {@code CREDENTIALS}; 404 on a fetch → empty. None of these is retried.</li>
 *   <li>A fetch of an id that is not shaped like YooKassa's ({@code 23d93cac-000f-5000-8000-126628f15141}) is empty
 *       without a request: no YooKassa object has it, and nothing else reaches the URL path.</li>
 *   <li>A 2xx body that cannot be read (not JSON, a missing field, an unknown status word, an amount that is not a
 *       decimal) → {@code UNAVAILABLE} with provider code {@code unreadable_answer}: what YooKassa did is
 *       unknown to this service, so the caller treats it like no answer (a create is retried later with the same key;
 *       a webhook answers 5xx so YooKassa delivers again). Not retried here.</li>
 *   <li>Without a shop id or secret key the bean is still created (the sandbox provider is used then); a call throws
 *       {@code CREDENTIALS} without a request.</li>
 *   <li>The secret key and the Authorization header are never logged and never part of a message.</li>
 * </ul>
 */
@ApplicationScoped
@Named("yookassa")
public class YooKassaPaymentProvider implements PaymentProvider {
    private static final Logger LOG = Logger.getLogger(YooKassaPaymentProvider.class);
    /** YooKassa's payment and refund ids: 36 characters, hex digits in UUID groups. */
    private static final Pattern OBJECT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final YooKassaSettings settings;
    private final String baseUrl;
    private final String authorization;
    /** What a message must never contain: the secret key and the encoded credentials. */
    private final List<String> secrets;
    private final HttpClient client;
    private final YooKassaJson json;
    private final YooKassaRetries retries;

    @Inject
    public YooKassaPaymentProvider(
            @ConfigProperty(name = "hexcore.payments.yookassa.base-url", defaultValue = "https://api.yookassa.ru/v3")
            String baseUrl,
            @ConfigProperty(name = "hexcore.payments.yookassa.shop-id") Optional<String> shopId,
            @ConfigProperty(name = "hexcore.payments.yookassa.secret-key") Optional<String> secretKey,
            @ConfigProperty(name = "hexcore.payments.yookassa.connect-timeout", defaultValue = "3s")
            Duration connectTimeout,
            @ConfigProperty(name = "hexcore.payments.yookassa.request-timeout", defaultValue = "4s")
            Duration requestTimeout,
            @ConfigProperty(name = "hexcore.payments.yookassa.retry.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "hexcore.payments.yookassa.retry.delay", defaultValue = "300ms") Duration retryDelay,
            @ConfigProperty(name = "hexcore.payments.yookassa.retry.max-delay", defaultValue = "2s")
            Duration maxRetryDelay,
            @ConfigProperty(name = "hexcore.payments.yookassa.retry.jitter", defaultValue = "100ms")
            Duration retryJitter,
            @ConfigProperty(name = "hexcore.payments.yookassa.retry.max-duration", defaultValue = "10s")
            Duration maxDuration) {
        this(new YooKassaSettings(URI.create(baseUrl), shopId.orElse(null), secretKey.orElse(null), connectTimeout,
                requestTimeout, maxAttempts, retryDelay, maxRetryDelay, retryJitter, maxDuration));
    }

    public YooKassaPaymentProvider(YooKassaSettings settings) {
        this(settings, Clock.systemUTC());
    }

    YooKassaPaymentProvider(YooKassaSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        String url = settings.baseUrl().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String credentials = settings.hasCredentials() ? Base64.getEncoder().encodeToString(
                (settings.shopId() + ":" + settings.secretKey()).getBytes(StandardCharsets.UTF_8)) : null;
        this.authorization = credentials == null ? null : "Basic " + credentials;
        this.secrets = credentials == null ? List.of() : List.of(settings.secretKey(), credentials);
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = new YooKassaJson(new ObjectMapper());
        this.retries = new YooKassaRetries(settings, clock);
        if (!settings.hasCredentials()) {
            LOG.debug("YooKassa shop id or secret key not configured: calls to YooKassa will fail with CREDENTIALS");
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public ProviderPayment create(NewPayment payment) {
        Objects.requireNonNull(payment, "payment");
        String operation = "POST /payments";
        Response response = send(operation, "/payments", json.paymentRequest(payment), payment.idempotenceKey());
        if (!response.ok()) throw refused(operation, response);
        ProviderPayment created = json.payment(response.body(), operation);
        LOG.debugf("YooKassa payment %s created (%s)", created.id(), created.status().code());
        return created;
    }

    @Override
    public Optional<ProviderPayment> fetch(String paymentId) {
        return fetch("/payments/", paymentId, json::payment).map(payment -> sameId(payment.id(), paymentId, payment));
    }

    @Override
    public Optional<ProviderRefund> fetchRefund(String refundId) {
        return fetch("/refunds/", refundId, json::refund).map(refund -> sameId(refund.id(), refundId, refund));
    }

    private <T> Optional<T> fetch(String collection, String id, ObjectReader<T> reader) {
        Objects.requireNonNull(id, "id");
        if (!OBJECT_ID.matcher(id).matches()) return Optional.empty();
        String path = collection + id;
        String operation = "GET " + path;
        Response response = send(operation, path, null, null);
        if (response.status() == 404) return Optional.empty();
        if (!response.ok()) throw refused(operation, response);
        return Optional.of(reader.read(response.body(), operation));
    }

    private interface ObjectReader<T> {
        T read(String body, String operation);
    }

    private static <T> T sameId(String answered, String asked, T object) {
        if (!answered.equalsIgnoreCase(asked)) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, YooKassaJson.UNREADABLE_ANSWER,
                    "YooKassa answered a request for " + asked + " with object " + answered, null);
        }
        return object;
    }

    /** One request through the retries; {@code body} null for a GET. */
    private Response send(String operation, String path, byte[] body, String idempotenceKey) {
        if (authorization == null) {
            throw new PaymentProviderException(Kind.CREDENTIALS, null, "YooKassa is not configured: set "
                    + "hexcore.payments.yookassa.shop-id and secret-key (YOOKASSA_SHOP_ID, YOOKASSA_SECRET_KEY) or "
                    + "use the sandbox payment provider", null);
        }
        URI uri = URI.create(baseUrl + path);
        Function<Duration, Response> attempt = timeout -> exchange(operation, uri, body, idempotenceKey, timeout);
        return retries.run(operation, attempt, r -> json.error(r.status(), r.body(), secrets));
    }

    private Response exchange(String operation, URI uri, byte[] body, String idempotenceKey, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        // HTTP/2 is negotiated over TLS; over plain http (WireMock) the client would try an h2c upgrade instead
        if ("http".equalsIgnoreCase(uri.getScheme())) request.version(HttpClient.Version.HTTP_1_1);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .header("Idempotence-Key", idempotenceKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new NoAnswer("network error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException(Kind.UNAVAILABLE, null, "interrupted during YooKassa " + operation,
                    null);
        }
    }

    /** A final answer that is not 2xx (404 of a fetch excluded). */
    private PaymentProviderException refused(String operation, Response response) {
        YooKassaJson.ErrorInfo error = json.error(response.status(), response.body(), secrets);
        int status = response.status();
        if (status == 401 || status == 403) {
            return new PaymentProviderException(Kind.CREDENTIALS, error.code(),
                    "YooKassa refused the shop's credentials for " + operation + ": " + error.text(), null);
        }
        if (status >= 400) {
            return new PaymentProviderException(Kind.REJECTED, error.code(),
                    "YooKassa rejected " + operation + ": " + error.text(), null);
        }
        return new PaymentProviderException(Kind.UNAVAILABLE, YooKassaJson.UNREADABLE_ANSWER,
                "YooKassa answered " + operation + " with unexpected status " + status, null);
    }
}
