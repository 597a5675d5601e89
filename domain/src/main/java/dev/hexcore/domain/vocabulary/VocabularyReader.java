package dev.hexcore.domain.vocabulary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Query port of the daily review (one statement, ADR 0015). */
public interface VocabularyReader {
    /**
     * Up to {@code limit} items of the user: those due at {@code now}, most overdue first, then new (never reviewed)
     * ones, as many as {@code newPerDay} less the new items first reviewed since {@code dayStart}.
     */
    List<DueItem> dailyReview(UUID userId, Instant now, Instant dayStart, int limit, int newPerDay);
}
