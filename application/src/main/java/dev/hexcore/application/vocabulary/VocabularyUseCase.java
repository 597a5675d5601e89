package dev.hexcore.application.vocabulary;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.vocabulary.CardState;
import dev.hexcore.domain.vocabulary.DueItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issue 14: spaced-repetition reviews of the learner's vocabulary. */
public interface VocabularyUseCase {
    record ReviewOutcome(UUID vocabularyId, int rating, Instant nextReviewAt, int intervalDays, int masteryLevel,
                         CardState state) {
    }

    /** Due items, most overdue first, then new ones up to the daily new-item limit; {@code limit} null = default. */
    List<DueItem> dailyReview(Actor actor, Integer limit);

    /** Records a review with seed 002's rating 1..5 (see {@code Grade.fromRating}). */
    ReviewOutcome review(Actor actor, UUID vocabularyId, Integer rating);
}
