package dev.hexcore.domain.vocabulary;

import java.time.Instant;

/**
 * The review state of one user lexeme. FSRS keeps memory stability (days) and difficulty (1..10); SM-2 keeps its
 * current interval in {@code stability} and its easiness factor in {@code difficulty}. {@code step} is the index
 * of the same-day learning step the item is on; {@code lastReview} is null for a new item.
 */
public record ReviewCard(CardState state, int step, double stability, double difficulty, Instant due,
                         Instant lastReview, int reps, int lapses) {

    public static ReviewCard fresh(Instant due) {
        return new ReviewCard(CardState.NEW, 0, 0, 0, due, null, 0, 0);
    }
}
