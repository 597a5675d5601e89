package dev.hexcore.domain.vocabulary;

import java.util.Optional;
import java.util.UUID;

/** The review state of user lexemes. Call inside a unit of work. */
public interface VocabularyRepository {
    /** A user lexeme of its review. */
    record Reviewable(UUID userLexemeId, ReviewCard card) {
    }

    /**
     * The user's lexeme for {@code vocabularyId}, which is either a user lexeme's id or the id of a lesson's
     * vocabulary item linked to one. Locks the user until the transaction ends, so one user's reviews, XP and
     * reset run one after another. Empty when it is not the user's.
     */
    Optional<Reviewable> lockForReview(UUID userId, UUID vocabularyId);

    /** Stores the new state (and the mastery shown on lesson vocabulary items) and logs the review. */
    void saveReview(ReviewLogEntry entry, int masteryLevel);
}
