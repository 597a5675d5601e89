package dev.hexcore.domain.vocabulary;

/**
 * Seed 002's {@code mastery_level} 0..5, derived from memory stability (days an item stays at 90% recall):
 * 0 never reviewed; 1 under one day (still in learning steps); 2 under a week; 3 under three weeks;
 * 4 under three months; 5 three months or more.
 */
public final class Mastery {
    private Mastery() {
    }

    public static int level(ReviewCard card) {
        if (card.state() == CardState.NEW) {
            return 0;
        }
        double s = card.stability();
        return s < 1 ? 1 : s < 7 ? 2 : s < 21 ? 3 : s < 90 ? 4 : 5;
    }
}
