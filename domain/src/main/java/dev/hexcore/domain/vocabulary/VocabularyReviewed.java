package dev.hexcore.domain.vocabulary;

import java.time.Instant;
import java.util.UUID;

/** Domain event: a learner reviewed a vocabulary item. {@code eventId} is the review log entry's id. */
public record VocabularyReviewed(UUID eventId, UUID userId, UUID userLexemeId, Grade grade, Instant reviewedAt) {
}
