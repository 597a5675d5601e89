package dev.hexcore.domain.vocabulary;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * SuperMemo SM-2, the baseline: quality q = 2 (Again), 3 (Hard), 4 (Good), 5 (Easy);
 * EF' = EF + (0.1 − (5−q)·(0.08 + (5−q)·0.02)), at least 1.3, starting at 2.5; intervals 1, 6, then the previous
 * interval·EF; q < 3 starts the repetitions again at one day. The card keeps the interval in {@code stability},
 * EF in {@code difficulty} and the number of successful repetitions in {@code step}.
 */
public final class Sm2Scheduler implements ReviewScheduler {
    private static final double INITIAL_EASINESS = 2.5;

    @Override
    public ScheduledReview review(ReviewCard card, Grade grade, Instant now) {
        int quality = grade.value() + 1;
        double easiness = card.state() == CardState.NEW ? INITIAL_EASINESS : card.difficulty();
        easiness = Math.max(1.3, easiness + (0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02)));
        int elapsed = card.lastReview() == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(card.lastReview(), now));
        boolean lapse = quality < 3;
        int repetitions = lapse ? 0 : card.step() + 1;
        long days = switch (repetitions) {
            case 0, 1 -> 1;
            case 2 -> 6;
            default -> Math.round(card.stability() * easiness);
        };
        int lapses = card.lapses() + (lapse && card.state() == CardState.REVIEW ? 1 : 0);
        var next = new ReviewCard(lapse && card.state() == CardState.REVIEW ? CardState.RELEARNING : CardState.REVIEW,
                repetitions, days, easiness, now.plus(Duration.ofDays(days)), now, card.reps() + 1, lapses);
        return new ScheduledReview(next, elapsed, (int) days);
    }
}
