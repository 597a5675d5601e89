package dev.hexcore.domain.vocabulary;

import java.time.Instant;

/** Decides when an item is seen again after an answer. Implementations: {@link Fsrs6Scheduler}, {@link Sm2Scheduler}. */
public interface ReviewScheduler {
    ScheduledReview review(ReviewCard card, Grade grade, Instant now);
}
