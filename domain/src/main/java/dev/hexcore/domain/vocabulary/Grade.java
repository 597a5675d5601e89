package dev.hexcore.domain.vocabulary;

import java.util.Optional;

/** An FSRS answer grade. Seed 002 rates 1..5; {@link #fromRating} maps that scale explicitly. */
public enum Grade {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int value;

    Grade(int value) {
        this.value = value;
    }

    /** The FSRS grade number G (1 Again .. 4 Easy) the formulas use. */
    public int value() {
        return value;
    }

    /** Seed 002's rating: 1 and 2 → Again, 3 → Hard, 4 → Good, 5 → Easy; anything else is not a rating. */
    public static Optional<Grade> fromRating(int rating) {
        return switch (rating) {
            case 1, 2 -> Optional.of(AGAIN);
            case 3 -> Optional.of(HARD);
            case 4 -> Optional.of(GOOD);
            case 5 -> Optional.of(EASY);
            default -> Optional.empty();
        };
    }
}
