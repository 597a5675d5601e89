package dev.hexcore.domain.learning;

import java.io.Writer;
import java.util.UUID;

/** Everything a learner has in the service, exported as one JSON document or reset (issue 14). */
public interface LearnerData {
    /** What a reset deleted. */
    record ResetCounts(long enrollments, long levelProgress, long levelAttempts, long lessons, long vocabularyItems,
                       long userLexemes, long reviews) {
    }

    /**
     * Writes the user's profile, XP and streaks, achievements, enrollments with progress and attempts, lessons with
     * their vocabulary and user lexemes with review state and log as one JSON object, row by row (no secrets).
     */
    void export(UUID userId, Writer out);

    /** Deletes enrollments (progress, attempts, lessons, their vocabulary) and user lexemes with their reviews. */
    ResetCounts reset(UUID userId);
}
