package dev.hexcore.domain.vocabulary;

import java.time.Instant;
import java.util.UUID;

/** One logged review: the rating given, the state before and after, and the days elapsed and scheduled. */
public record ReviewLogEntry(UUID id, UUID userId, UUID userLexemeId, int rating, Grade grade, CardState before,
                             ScheduledReview after, Instant reviewedAt) {
}
