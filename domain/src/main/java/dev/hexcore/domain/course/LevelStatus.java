package dev.hexcore.domain.course;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Locale;

/** Where a learner stands on one level of a course (seed 002 §19.8). */
public enum LevelStatus {
    LOCKED, IN_PROGRESS, COMPLETED, GOLD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code completed} or {@code gold}: what a finished attempt may report. */
    public boolean finished() {
        return this == COMPLETED || this == GOLD;
    }

    public static LevelStatus parse(String field, String code) {
        for (LevelStatus status : values()) {
            if (code != null && status.code().equals(code.strip().toLowerCase(Locale.ROOT))) return status;
        }
        throw new InvalidValueException(field, "must be one of locked, in_progress, completed, gold");
    }
}
