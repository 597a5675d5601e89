package dev.hexcore.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.quota.QuotaCounters.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaCountersWindowTest {
    @Test
    void aWindowIsEitherFixedOrSliding() {
        assertThat(Window.fixed("c", Instant.EPOCH, 1, 1).isSliding()).isFalse();
        assertThat(Window.sliding("c", Duration.ofSeconds(60), 1, 1).isSliding()).isTrue();
        assertThatThrownBy(() -> new Window("c", Instant.EPOCH, Duration.ofSeconds(60), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Window("c", null, null, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlidingWindowThatCouldNeverAdmitItsCostIsRefused() {
        assertThat(Window.sliding("c", Duration.ofSeconds(60), 3, 3).admits(0)).isTrue();
        assertThatThrownBy(() -> Window.sliding("c", Duration.ofSeconds(60), 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("could never admit");
        assertThatThrownBy(() -> Window.sliding("c", Duration.ZERO, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void howManyUnitsMustLeaveBeforeARequestFits() {
        Window window = Window.sliding("c", Duration.ofSeconds(60), 5, 2);
        assertThat(window.admits(3)).isTrue();
        assertThat(window.admits(4)).isFalse();
        assertThat(window.mustLeave(4)).isEqualTo(1);
        assertThat(window.mustLeave(5)).isEqualTo(2);
    }

    @Test
    void instantsAreMicrosecondsBothWays() {
        Instant instant = Instant.parse("2026-11-22T10:30:59.123456789Z");
        assertThat(QuotaCounters.instantOfMicros(QuotaCounters.micros(instant)))
                .isEqualTo(Instant.parse("2026-11-22T10:30:59.123456Z"));
        assertThat(QuotaCounters.micros(Instant.EPOCH.minusNanos(1_000))).isEqualTo(-1);
        assertThat(QuotaCounters.instantOfMicros(-1)).isEqualTo(Instant.EPOCH.minusNanos(1_000));
    }
}
