package dev.hexcore.adapters.payments.yookassa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waits between attempts and the reading of Retry-After, without HTTP. */
class YooKassaRetriesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final YooKassaRetries DEFAULTS = new YooKassaRetries(YooKassaSettings.defaults("1", "s"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theBackoffDoublesFrom300MsWithJitterAndStopsAt2Seconds() {
        for (int i = 0; i < 200; i++) {
            assertThat(DEFAULTS.backoff(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(DEFAULTS.backoff(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(700));
            assertThat(DEFAULTS.backoff(3)).isBetween(Duration.ofMillis(1100), Duration.ofMillis(1300));
            assertThat(DEFAULTS.backoff(4)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
            assertThat(DEFAULTS.backoff(40)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
        }
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(DEFAULTS.retryAfter(headers("1"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DEFAULTS.retryAfter(headers("2.5"))).isEqualTo(Duration.ofMillis(2500));
        assertThat(DEFAULTS.retryAfter(headers("Sat, 05 Dec 2026 01:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.retryAfter(headers("Sat, 05 Dec 2026 00:59:00 GMT"))).isEqualTo(Duration.ZERO);
        assertThat(DEFAULTS.retryAfter(headers("1e30"))).isEqualTo(Duration.ofDays(1));
        assertThat(DEFAULTS.retryAfter(headers("-3"))).isNull();
        assertThat(DEFAULTS.retryAfter(headers("soon"))).isNull();
        assertThat(DEFAULTS.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
    }

    @Test
    void settingsRefuseRetryPoliciesThatCannotWork() {
        URI base = YooKassaSettings.DEFAULT_BASE_URL;
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new YooKassaSettings(base, "1", "k", s, s, 0, s, s, Duration.ZERO, s.multipliedBy(10)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new YooKassaSettings(base, "1", "k", s, s, 3, s, s, s, s.multipliedBy(10)))
                .hasMessageContaining("retryJitter");
        assertThatThrownBy(() -> new YooKassaSettings(base, "1", "k", s, s, 3, s, s, Duration.ZERO, s))
                .hasMessageContaining("maxDuration");
        assertThat(new YooKassaSettings(base, " ", "k", s, s, 1, s, s, Duration.ZERO, s.multipliedBy(2))
                .hasCredentials()).isFalse();
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
