package dev.hexcore.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimitPolicyTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(null, 5L, Duration.ofMinutes(1), "name"),
                Arguments.of("", 5L, Duration.ofMinutes(1), "name"),
                Arguments.of("   ", 5L, Duration.ofMinutes(1), "name"),
                Arguments.of("p", 0L, Duration.ofMinutes(1), "limit"),
                Arguments.of("p", -3L, Duration.ofMinutes(1), "limit"),
                Arguments.of("p", 5L, Duration.ZERO, "period"),
                Arguments.of("p", 5L, Duration.ofSeconds(-1), "period"));
    }

    @ParameterizedTest(name = "name={0} limit={1} period={2} -> {3}")
    @MethodSource("invalid")
    void invalid_policies_are_refused_naming_the_field(String name, long limit, Duration period, String field) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new RateLimitPolicy(name, limit, period))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly(field))
                .satisfies(e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    }

    static Stream<Arguments> intervals() {
        return Stream.of(
                Arguments.of(1L, Duration.ofSeconds(1), 1_000_000L),
                Arguments.of(5L, Duration.ofMinutes(1), 12_000_000L),
                Arguments.of(3L, Duration.ofSeconds(10), 3_333_333L),
                Arguments.of(5L, Duration.ofMinutes(15), 180_000_000L),
                Arguments.of(1_000L, Duration.ofMillis(1), 1L),
                Arguments.of(1_000_000L, Duration.ofMillis(1), 1L));
    }

    @ParameterizedTest(name = "{0} per {1} -> {2} µs")
    @MethodSource("intervals")
    void the_emission_interval_is_period_over_limit_and_at_least_one_microsecond(long limit, Duration period,
                                                                                  long expected) {
        assertThat(new RateLimitPolicy("p", limit, period).emissionIntervalMicros()).isEqualTo(expected);
    }

    @Test
    void per_minute_builds_a_one_minute_policy() {
        RateLimitPolicy policy = RateLimitPolicy.perMinute("api-key", 120);

        assertThat(policy.name()).isEqualTo("api-key");
        assertThat(policy.limit()).isEqualTo(120);
        assertThat(policy.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.periodMicros()).isEqualTo(60_000_000L);
        assertThat(policy.emissionIntervalMicros()).isEqualTo(500_000L);
    }
}
