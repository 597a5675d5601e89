package dev.hexcore.adapters.payments.yookassa;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link YooKassaPaymentProvider} reaches YooKassa ({@code hexcore.payments.yookassa.*}).
 *
 * @param baseUrl        the API root, {@code https://api.yookassa.ru/v3} in production
 * @param shopId         the shop id (Basic auth user), or null when not configured
 * @param secretKey      the secret key (Basic auth password), or null when not configured
 * @param connectTimeout TCP/TLS connect timeout of the HTTP client
 * @param requestTimeout how long one attempt waits for an answer (cut to what is left of {@code maxDuration})
 * @param maxAttempts    attempts per call, the first included (1 = no retries)
 * @param retryDelay     wait before the first retry; doubles with each further retry
 * @param maxRetryDelay  upper bound of that backoff (a longer Retry-After still wins, within {@code maxDuration})
 * @param retryJitter    random offset (±) added to each backoff delay; smaller than {@code retryDelay}
 * @param maxDuration    the whole call, every attempt and wait included; a wait that would end beyond it is not made
 */
public record YooKassaSettings(URI baseUrl, String shopId, String secretKey, Duration connectTimeout,
                               Duration requestTimeout, int maxAttempts, Duration retryDelay, Duration maxRetryDelay,
                               Duration retryJitter, Duration maxDuration) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.yookassa.ru/v3");

    public YooKassaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        shopId = blankToNull(shopId);
        secretKey = blankToNull(secretKey);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(retryDelay, "retryDelay");
        requirePositive(maxRetryDelay, "maxRetryDelay");
        requirePositive(maxDuration, "maxDuration");
        Objects.requireNonNull(retryJitter, "retryJitter");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
        if (retryJitter.isNegative() || (!retryJitter.isZero() && retryJitter.compareTo(retryDelay) >= 0)) {
            throw new IllegalArgumentException("retryJitter must be >= 0 and smaller than retryDelay");
        }
        if (maxDuration.compareTo(retryDelay) <= 0) {
            throw new IllegalArgumentException("maxDuration must be longer than retryDelay");
        }
    }

    /**
     * The production defaults: 3 s to connect, 4 s per attempt, 3 attempts from 300 ms (±100 ms) doubling up to 2 s,
     * everything within 10 s. Credentials are those given (null when absent).
     */
    public static YooKassaSettings defaults(String shopId, String secretKey) {
        return new YooKassaSettings(DEFAULT_BASE_URL, shopId, secretKey, Duration.ofSeconds(3), Duration.ofSeconds(4),
                3, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    public boolean hasCredentials() {
        return shopId != null && secretKey != null;
    }

    /** The settings without the secret key, which never appears in a log line. */
    @Override
    public String toString() {
        return "YooKassaSettings[baseUrl=" + baseUrl + ", shopId=" + shopId + ", secretKey="
                + (secretKey == null ? "absent" : "***") + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxAttempts=" + maxAttempts + ", retryDelay=" + retryDelay + ", maxRetryDelay="
                + maxRetryDelay + ", retryJitter=" + retryJitter + ", maxDuration=" + maxDuration + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || !duration.isPositive()) throw new IllegalArgumentException(name + " must be positive");
    }
}
