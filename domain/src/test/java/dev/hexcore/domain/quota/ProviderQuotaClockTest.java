package dev.hexcore.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderQuotaClockTest {
    private final ProviderQuotaClock clock = ProviderQuotaClock.defaults();

    @ParameterizedTest(name = "{0} at {1}: day {2} .. {3}")
    @CsvSource({
            // Gemini: midnight in Los Angeles, PST (UTC-8) in winter, PDT (UTC-7) in summer
            "gemini, 2026-11-22T07:59:59Z, 2026-11-21T08:00:00Z, 2026-11-22T08:00:00Z",
            "gemini, 2026-11-22T08:00:00Z, 2026-11-22T08:00:00Z, 2026-11-23T08:00:00Z",
            "gemini, 2026-07-01T12:00:00Z, 2026-07-01T07:00:00Z, 2026-07-02T07:00:00Z",
            // 2026-03-08 springs forward: a 23-hour day
            "gemini, 2026-03-08T12:00:00Z, 2026-03-08T08:00:00Z, 2026-03-09T07:00:00Z",
            "gemini, 2026-03-07T20:00:00Z, 2026-03-07T08:00:00Z, 2026-03-08T08:00:00Z",
            // 2026-11-01 falls back: a 25-hour day
            "gemini, 2026-11-01T12:00:00Z, 2026-11-01T07:00:00Z, 2026-11-02T08:00:00Z",
            // everyone else: midnight UTC
            "groq,   2026-03-08T12:00:00Z, 2026-03-08T00:00:00Z, 2026-03-09T00:00:00Z",
            "GEMINI, 2026-11-22T08:00:00Z, 2026-11-22T08:00:00Z, 2026-11-23T08:00:00Z",
    })
    void daysRunFromMidnightToMidnightInTheProvidersZone(String provider, Instant now, Instant start, Instant next) {
        assertThat(clock.dayStart(provider, now)).isEqualTo(start);
        assertThat(clock.nextDayStart(provider, now)).isEqualTo(next);
    }

    @Test
    void minutesAreTheClocksMinutes() {
        Instant now = Instant.parse("2026-11-22T10:00:59.999Z");
        assertThat(clock.minuteStart(now)).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(clock.nextMinuteStart(now)).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
        assertThat(clock.nextMinuteStart(Instant.parse("2026-11-22T10:01:00Z"))).isEqualTo(Instant.parse("2026-11-22T10:02:00Z"));
    }

    @Test
    void dayZonesAreConfigurable() {
        ProviderQuotaClock custom = new ProviderQuotaClock(Map.of("Groq", ZoneId.of("Europe/Moscow")), ZoneOffset.UTC);
        assertThat(custom.dayZone("groq")).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(custom.dayZone("gemini")).isEqualTo(ZoneOffset.UTC);
        assertThat(custom.nextDayStart("groq", Instant.parse("2026-11-22T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
    }

    @Test
    void the_requests_per_minute_window_is_a_minute_plus_the_margin() {
        assertThat(ProviderQuotaClock.defaults().requestsPerMinuteWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ProviderQuotaClock.defaults().withMinuteMargin(Duration.ofSeconds(1)).requestsPerMinuteWindow())
                .isEqualTo(Duration.ofSeconds(61));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProviderQuotaClock.defaults().withMinuteMargin(Duration.ofSeconds(-1)));
    }
}
