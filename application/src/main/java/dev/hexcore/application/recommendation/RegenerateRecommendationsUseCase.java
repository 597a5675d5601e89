package dev.hexcore.application.recommendation;

import java.util.List;

/** The nightly batch: called by a scheduler on every replica; a shared lock makes one of them do the work. */
public interface RegenerateRecommendationsUseCase {
    /** What one run did: {@code skipped} when another run held the batch lock. */
    record BatchRun(boolean skipped, List<Long> regenerated, List<Long> failed) {
        public BatchRun {
            regenerated = List.copyOf(regenerated);
            failed = List.copyOf(failed);
        }

        static BatchRun skippedRun() {
            return new BatchRun(true, List.of(), List.of());
        }
    }

    /** Regenerates the every-shop entry of each user with enough recent orders whose entry is missing or stale. */
    BatchRun regenerateStale();
}
