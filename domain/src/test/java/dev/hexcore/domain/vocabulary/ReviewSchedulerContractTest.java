package dev.hexcore.domain.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link ReviewScheduler} must do, run against FSRS-6 and SM-2. */
class ReviewSchedulerContractTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    static Stream<ReviewScheduler> schedulers() {
        return Stream.of(new Fsrs6Scheduler(FsrsParameters.defaults(0.9, false, 0)), new Sm2Scheduler());
    }

    /** Answers Good at each due time until the item is on day intervals, then once more. */
    private static ScheduledReview matured(ReviewScheduler scheduler) {
        var result = scheduler.review(ReviewCard.fresh(START), Grade.GOOD, START);
        for (int i = 0; i < 10 && result.card().state() != CardState.REVIEW; i++) {
            result = scheduler.review(result.card(), Grade.GOOD, result.card().due());
        }
        return scheduler.review(result.card(), Grade.GOOD, result.card().due());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void everyAnswerSchedulesTheItemLaterAndCountsTheRepetition(ReviewScheduler scheduler) {
        for (Grade grade : Grade.values()) {
            var result = scheduler.review(ReviewCard.fresh(START), grade, START);
            assertThat(result.card().due()).isAfter(START);
            assertThat(result.card().lastReview()).isEqualTo(START);
            assertThat(result.card().reps()).isEqualTo(1);
            assertThat(result.card().state()).isNotEqualTo(CardState.NEW);
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void betterAnswersOnAKnownItemNeverComeBackSooner(ReviewScheduler scheduler) {
        var known = matured(scheduler).card();
        Instant now = known.due();
        Instant previous = null;
        for (Grade grade : Grade.values()) {
            Instant due = scheduler.review(known, grade, now).card().due();
            if (previous != null) {
                assertThat(due).as(grade.name()).isAfterOrEqualTo(previous);
            }
            previous = due;
        }
        assertThat(scheduler.review(known, Grade.EASY, now).card().due())
                .isAfter(scheduler.review(known, Grade.AGAIN, now).card().due());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void successfulReviewsAtTheDueTimeLengthenTheInterval(ReviewScheduler scheduler) {
        var result = matured(scheduler);
        long before = result.scheduledDays();
        for (int i = 0; i < 3; i++) {
            result = scheduler.review(result.card(), Grade.GOOD, result.card().due());
            assertThat(result.scheduledDays()).isGreaterThan((int) before);
            before = result.scheduledDays();
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void forgettingAKnownItemBringsItBackWithinADayAndCountsALapse(ReviewScheduler scheduler) {
        var known = matured(scheduler).card();
        var lapsed = scheduler.review(known, Grade.AGAIN, known.due());
        assertThat(lapsed.card().due()).isBeforeOrEqualTo(known.due().plus(Duration.ofDays(1)));
        assertThat(lapsed.card().lapses()).isEqualTo(known.lapses() + 1);
    }
}
