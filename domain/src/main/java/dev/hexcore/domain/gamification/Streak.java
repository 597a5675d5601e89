package dev.hexcore.domain.gamification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A learner's streak of active calendar days (in their time zone): current and longest, the last active day, and the
 * freezes held. A missed day is covered by a held freeze, which is used up and keeps the streak.
 */
public record Streak(int current, int longest, LocalDate lastActiveDay, int freezes) {

    /** The streak after activity on {@code day}. */
    public Streak activeOn(LocalDate day) {
        if (lastActiveDay != null && !day.isAfter(lastActiveDay)) {
            return this;
        }
        int next = 1;
        int left = freezes;
        if (lastActiveDay != null) {
            long missed = ChronoUnit.DAYS.between(lastActiveDay, day) - 1;
            if (missed <= freezes) {
                next = current + 1;
                left = freezes - (int) missed;
            }
        }
        return new Streak(next, Math.max(longest, next), day, left);
    }

    /** The current streak as it stands on {@code today}: zero once more days were missed than freezes can cover. */
    public int currentOn(LocalDate today) {
        if (lastActiveDay == null) {
            return 0;
        }
        return ChronoUnit.DAYS.between(lastActiveDay, today) - 1 <= freezes ? current : 0;
    }
}
