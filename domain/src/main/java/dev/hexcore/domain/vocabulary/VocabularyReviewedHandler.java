package dev.hexcore.domain.vocabulary;

/** Something that reacts to {@link VocabularyReviewed} inside the review's transaction (XP, streaks). */
@FunctionalInterface
public interface VocabularyReviewedHandler {
    void on(VocabularyReviewed event);
}
