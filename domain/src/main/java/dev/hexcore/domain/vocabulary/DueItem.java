package dev.hexcore.domain.vocabulary;

import java.time.Instant;
import java.util.UUID;

/** One item of the daily review (read model): a user lexeme with its word, translation and review state. */
public record DueItem(UUID vocabularyId, String word, String translation, String contextSentence, int masteryLevel,
                      Instant nextReviewAt, CardState state) {
}
