package dev.hexcore.domain.vocabulary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * FSRS-6 from the published formulas (open-spaced-repetition, "The Algorithm"), with same-day learning steps and
 * interval fuzz. It follows the reference implementation ts-fsrs in the details the formulas leave open, so that its
 * results equal ts-fsrs's: intermediate values rounded to 8 decimals, elapsed days counted as UTC calendar days,
 * stability clamped to [0.001, 36500], and after a review Hard ≤ Good < Easy in whole days.
 */
public final class Fsrs6Scheduler implements ReviewScheduler {
    private static final double S_MIN = 0.001;
    private static final double S_MAX = 36500;
    private static final long MINUTES_PER_DAY = 1440;

    private final FsrsParameters parameters;
    private final double[] w;
    private final double decay;
    private final double factor;
    private final double intervalModifier;

    public Fsrs6Scheduler(FsrsParameters parameters) {
        this.parameters = parameters;
        this.w = parameters.weights().stream().mapToDouble(Double::doubleValue).toArray();
        this.decay = -w[20];
        this.factor = round8(Math.exp(Math.log(0.9) / decay) - 1);
        this.intervalModifier = round8((Math.pow(parameters.desiredRetention(), 1 / decay) - 1) / factor);
    }

    @Override
    public ScheduledReview review(ReviewCard card, Grade grade, Instant now) {
        int elapsed = card.state() == CardState.NEW || card.lastReview() == null ? 0
                : (int) ChronoUnit.DAYS.between(card.lastReview().atZone(ZoneOffset.UTC).toLocalDate(),
                        now.atZone(ZoneOffset.UTC).toLocalDate());
        if (elapsed < 0) {
            throw new IllegalArgumentException("a review cannot precede the previous one");
        }
        var review = new Review(card, grade, now, elapsed);
        return card.state() == CardState.REVIEW ? review.fromReviewState() : review.fromLearningState();
    }

    /** Probability of recall after {@code days} for stability {@code s}: (1 + FACTOR·t/S)^DECAY. */
    double retrievability(double days, double s) {
        return round8(Math.pow(1 + factor * days / s, decay));
    }

    private final class Review {
        private final ReviewCard card;
        private final Grade grade;
        private final Instant now;
        private final int elapsed;

        Review(ReviewCard card, Grade grade, Instant now, int elapsed) {
            this.card = card;
            this.grade = grade;
            this.now = now;
            this.elapsed = elapsed;
        }

        ScheduledReview fromLearningState() {
            double[] ds = nextMemory(grade, retrievability(elapsed, Math.max(card.stability(), S_MIN)));
            CardState target = card.state() == CardState.NEW ? CardState.LEARNING : card.state();
            return applySteps(ds, target, card.lapses());
        }

        ScheduledReview fromReviewState() {
            double r = retrievability(elapsed, card.stability());
            if (grade == Grade.AGAIN) {
                return applySteps(nextMemory(Grade.AGAIN, r), CardState.RELEARNING, card.lapses() + 1);
            }
            double[] hard = nextMemory(Grade.HARD, r);
            double[] good = nextMemory(Grade.GOOD, r);
            double[] easy = nextMemory(Grade.EASY, r);
            long goodDays = interval(good[1]);
            long hardDays = Math.min(interval(hard[1]), goodDays);
            goodDays = Math.max(goodDays, hardDays + 1);
            long easyDays = Math.max(interval(easy[1]), goodDays + 1);
            return switch (grade) {
                case HARD -> graduate(hard, hardDays, card.lapses());
                case GOOD -> graduate(good, goodDays, card.lapses());
                default -> graduate(easy, easyDays, card.lapses());
            };
        }

        /** Same-day steps while they last; past the last step (or on Easy) the item goes to day intervals. */
        private ScheduledReview applySteps(double[] ds, CardState target, int lapses) {
            boolean relearning = card.state() == CardState.RELEARNING || card.state() == CardState.REVIEW;
            List<Duration> steps = relearning ? parameters.relearningSteps() : parameters.learningSteps();
            int current = card.state() == CardState.REVIEW ? 0 : card.step();
            long minutes = 0;
            int nextStep = 0;
            if (current < steps.size()) {
                long first = steps.get(0).toMinutes();
                if (card.state() == CardState.REVIEW || grade == Grade.AGAIN) {
                    minutes = card.state() == CardState.REVIEW ? steps.get(current).toMinutes() : first;
                } else if (grade == Grade.HARD) {
                    minutes = steps.size() == 1 ? Math.round(first * 1.5)
                            : Math.round((first + steps.get(1).toMinutes()) / 2.0);
                    nextStep = current;
                } else if (grade == Grade.GOOD && current + 1 < steps.size()) {
                    minutes = steps.get(current + 1).toMinutes();
                    nextStep = current + 1;
                }
            }
            if (minutes > 0 && minutes < MINUTES_PER_DAY) {
                return next(ds, target, nextStep, now.plus(Duration.ofMinutes(minutes)), 0, lapses);
            }
            if (minutes >= MINUTES_PER_DAY) {
                return next(ds, CardState.REVIEW, nextStep, now.plus(Duration.ofMinutes(minutes)),
                        (int) (minutes / MINUTES_PER_DAY), lapses);
            }
            return graduate(ds, interval(ds[1]), lapses);
        }

        private ScheduledReview graduate(double[] ds, long days, int lapses) {
            return next(ds, CardState.REVIEW, 0, now.plus(Duration.ofDays(days)), (int) days, lapses);
        }

        private ScheduledReview next(double[] ds, CardState state, int step, Instant due, int days, int lapses) {
            var next = new ReviewCard(state, step, ds[1], ds[0], due, now, card.reps() + 1, lapses);
            return new ScheduledReview(next, elapsed, days);
        }

        /** {difficulty, stability} after answering {@code g} with retrievability {@code r}. */
        private double[] nextMemory(Grade g, double r) {
            int gv = g.value();
            if (card.state() == CardState.NEW || card.stability() == 0) {
                return new double[] {clamp(initialDifficulty(gv), 1, 10), Math.max(w[gv - 1], 0.1)};
            }
            double d = card.difficulty();
            double s = card.stability();
            double nextS;
            if (elapsed == 0) {
                double growth = Math.pow(s, -w[19]) * Math.exp(w[17] * (gv - 3 + w[18]));
                nextS = round8(clamp(s * (gv >= 2 ? Math.max(growth, 1) : growth), S_MIN, S_MAX));
            } else if (g == Grade.AGAIN) {
                double afterLapse = round8(clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1)
                        * Math.exp((1 - r) * w[14]), S_MIN, S_MAX));
                nextS = clamp(round8(s / Math.exp(w[17] * w[18])), S_MIN, afterLapse);
            } else {
                double hardPenalty = g == Grade.HARD ? w[15] : 1;
                double easyBonus = g == Grade.EASY ? w[16] : 1;
                nextS = round8(clamp(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9])
                        * (Math.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus), S_MIN, S_MAX));
            }
            double delta = -w[6] * (gv - 3);
            double damped = d + round8(delta * (10 - d) / 9);
            double reverted = round8(w[7] * initialDifficulty(4) + (1 - w[7]) * damped);
            return new double[] {clamp(reverted, 1, 10), nextS};
        }

        /** Whole days for stability {@code s} at the desired retention, at least one, fuzzed when enabled. */
        private long interval(double s) {
            long days = Math.min(Math.max(1, Math.round(s * intervalModifier)), parameters.maximumIntervalDays());
            if (!parameters.fuzz() || days < 2.5) {
                return days;
            }
            double delta = 1 + 0.15 * Math.max(Math.min(days, 7) - 2.5, 0)
                    + 0.1 * Math.max(Math.min(days, 20) - 7, 0) + 0.05 * Math.max(days - 20, 0);
            long min = Math.max(2, Math.round(days - delta));
            long max = Math.min(Math.round(days + delta), parameters.maximumIntervalDays());
            if (days > elapsed) {
                min = Math.max(min, elapsed + 1);
            }
            min = Math.min(min, max);
            long seed = parameters.fuzzSeed() ^ now.toEpochMilli() ^ ((long) card.reps() << 32);
            return min + new SplittableRandom(seed).nextLong(max - min + 1);
        }
    }

    private double initialDifficulty(int g) {
        return round8(w[4] - Math.exp((g - 1) * w[5]) + 1);
    }

    private static double clamp(double v, double min, double max) {
        return Math.min(Math.max(v, min), max);
    }

    private static double round8(double v) {
        return Math.round(v * 1e8) / 1e8;
    }
}
