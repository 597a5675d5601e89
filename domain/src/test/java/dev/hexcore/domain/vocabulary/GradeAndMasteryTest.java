package dev.hexcore.domain.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GradeAndMasteryTest {
    @Test
    void seedRatingsMapOntoFsrsGrades() {
        assertThat(Grade.fromRating(1)).contains(Grade.AGAIN);
        assertThat(Grade.fromRating(2)).contains(Grade.AGAIN);
        assertThat(Grade.fromRating(3)).contains(Grade.HARD);
        assertThat(Grade.fromRating(4)).contains(Grade.GOOD);
        assertThat(Grade.fromRating(5)).contains(Grade.EASY);
        assertThat(Grade.fromRating(0)).isEmpty();
        assertThat(Grade.fromRating(6)).isEmpty();
    }

    @Test
    void masteryFollowsStabilityBands() {
        Instant t = Instant.EPOCH;
        assertThat(Mastery.level(ReviewCard.fresh(t))).isZero();
        assertThat(Mastery.level(new ReviewCard(CardState.LEARNING, 0, 0.5, 5, t, t, 1, 0))).isEqualTo(1);
        assertThat(Mastery.level(new ReviewCard(CardState.REVIEW, 0, 3, 5, t, t, 1, 0))).isEqualTo(2);
        assertThat(Mastery.level(new ReviewCard(CardState.REVIEW, 0, 20.9, 5, t, t, 1, 0))).isEqualTo(3);
        assertThat(Mastery.level(new ReviewCard(CardState.REVIEW, 0, 21, 5, t, t, 1, 0))).isEqualTo(4);
        assertThat(Mastery.level(new ReviewCard(CardState.REVIEW, 0, 90, 5, t, t, 1, 0))).isEqualTo(5);
    }

    @Test
    void fuzzIsReproducibleForASeedAndStaysNearTheUnfuzzedInterval() {
        var plain = new Fsrs6Scheduler(FsrsParameters.defaults(0.9, false, 0));
        var fuzzedA = new Fsrs6Scheduler(FsrsParameters.defaults(0.9, true, 42));
        var fuzzedB = new Fsrs6Scheduler(FsrsParameters.defaults(0.9, true, 42));
        Instant now = Instant.parse("2026-05-01T10:00:00Z");
        var known = new ReviewCard(CardState.REVIEW, 0, 30, 5, now, now.minusSeconds(30 * 86400), 5, 0);
        int base = plain.review(known, Grade.GOOD, now).scheduledDays();
        int a = fuzzedA.review(known, Grade.GOOD, now).scheduledDays();
        assertThat(fuzzedB.review(known, Grade.GOOD, now).scheduledDays()).isEqualTo(a);
        assertThat(Math.abs(a - base)).isLessThanOrEqualTo((int) Math.ceil(base * 0.1) + 2);
    }
}
