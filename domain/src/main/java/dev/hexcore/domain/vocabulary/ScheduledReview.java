package dev.hexcore.domain.vocabulary;

/**
 * The outcome of one review: the card's new state, the whole days elapsed since its previous review and the
 * whole days scheduled until the next (0 while in same-day learning steps), as the review log keeps them.
 */
public record ScheduledReview(ReviewCard card, int elapsedDays, int scheduledDays) {
}
