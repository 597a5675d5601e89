package dev.hexcore.domain.course;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of level every unit of a course has, in this order (seed 002 §20.1: "standard levels per unit"): a lesson
 * with new words, a practice of them, a trophy that closes the unit.
 */
public enum LevelType {
    LESSON(5), PRACTICE(5), TROPHY(1);

    private final int totalSteps;

    LevelType(int totalSteps) {
        this.totalSteps = totalSteps;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int totalSteps() {
        return totalSteps;
    }

    /** The goal shown for this level of a unit about {@code topic}. */
    public String goal(String topic) {
        return switch (this) {
            case LESSON -> "Learn the words of " + topic;
            case PRACTICE -> "Practise " + topic;
            case TROPHY -> "Master " + topic;
        };
    }

    /** The levels of one unit, in course order. */
    public static List<LevelType> standard() {
        return List.of(values());
    }
}
