package dev.hexcore.adapters.ai.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
    @Test
    void parsesProtobufDurationsIncludingFractions() {
        assertThat(RetryDelays.parseDuration("26s")).isEqualTo(Duration.ofSeconds(26));
        assertThat(RetryDelays.parseDuration("45.837906927s")).isEqualTo(Duration.ofSeconds(45, 837_906_927));
    }

    @Test
    void parsesGoDurationsFromMessages() {
        assertThat(RetryDelays.fromMessage("Rate limit reached ... Please try again in 5.289s."))
                .isEqualTo(Duration.ofMillis(5289));
        assertThat(RetryDelays.fromMessage("Please try again in 1m26.4s. Visit ..."))
                .isEqualTo(Duration.ofMillis(86_400));
        assertThat(RetryDelays.fromMessage("Please try again in 250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryDelays.fromMessage("no hint here")).isNull();
    }

    @Test
    void parsesRetryAfterSecondsAndIgnoresDates() {
        assertThat(RetryDelays.fromRetryAfterHeader("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryDelays.fromRetryAfterHeader("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    }
}
