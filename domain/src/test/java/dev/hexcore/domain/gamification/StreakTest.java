package dev.hexcore.domain.gamification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StreakTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Streak NONE = new Streak(0, 0, null, 0);

    private static LocalDate moscowDay(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), MOSCOW);
    }

    @Test
    void halfPastElevenAndHalfPastMidnightLocalAreTwoDaysEvenWithinOneUtcDay() {
        // 23:30 and 00:30 Moscow time are 20:30 and 21:30 UTC of the same UTC day
        var streak = NONE.activeOn(moscowDay("2026-03-01T20:30:00Z")).activeOn(moscowDay("2026-03-01T21:30:00Z"));
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.longest()).isEqualTo(2);
    }

    @Test
    void activityTwiceOnOneLocalDayCountsOnce() {
        // 00:30 and 23:30 Moscow time of the same local day, on two UTC days
        var streak = NONE.activeOn(moscowDay("2026-02-28T21:30:00Z")).activeOn(moscowDay("2026-03-01T20:30:00Z"));
        assertThat(streak.current()).isEqualTo(1);
    }

    @Test
    void aMissedDayBreaksTheStreakButKeepsTheLongest() {
        var day = LocalDate.of(2026, 3, 1);
        var streak = NONE.activeOn(day).activeOn(day.plusDays(1)).activeOn(day.plusDays(2)).activeOn(day.plusDays(4));
        assertThat(streak.current()).isEqualTo(1);
        assertThat(streak.longest()).isEqualTo(3);
        assertThat(new Streak(3, 3, day, 0).currentOn(day.plusDays(2))).isZero();
        assertThat(new Streak(3, 3, day, 0).currentOn(day.plusDays(1))).isEqualTo(3);
    }

    @Test
    void aHeldFreezeCoversAMissedDayAndIsUsedUp() {
        var day = LocalDate.of(2026, 3, 1);
        var streak = new Streak(5, 5, day, 1);
        assertThat(streak.currentOn(day.plusDays(2))).isEqualTo(5);
        var kept = streak.activeOn(day.plusDays(2));
        assertThat(kept.current()).isEqualTo(6);
        assertThat(kept.freezes()).isZero();
        var broken = new Streak(5, 5, day, 1).activeOn(day.plusDays(3));
        assertThat(broken.current()).isEqualTo(1);
        assertThat(broken.freezes()).isEqualTo(1);
    }
}
