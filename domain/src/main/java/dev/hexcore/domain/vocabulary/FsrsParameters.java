package dev.hexcore.domain.vocabulary;

import java.time.Duration;
import java.util.List;

/**
 * FSRS-6 settings: the 21 weights w0..w20, the desired retention (probability of recall at the due time), the
 * same-day learning and relearning steps, the longest interval in days, and interval fuzz (off, or on with a seed
 * so a run can be replayed).
 */
public record FsrsParameters(List<Double> weights, double desiredRetention, List<Duration> learningSteps,
                             List<Duration> relearningSteps, int maximumIntervalDays, boolean fuzz, long fuzzSeed) {

    /** The published FSRS-6 default weights (py-fsrs 6, open-spaced-repetition). */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(
            0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849,
            0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2);

    public FsrsParameters {
        weights = List.copyOf(weights);
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        if (weights.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights, got " + weights.size());
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1), got " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximum interval must be at least one day");
        }
        if (learningSteps.stream().anyMatch(s -> s.isNegative() || s.isZero())
                || relearningSteps.stream().anyMatch(s -> s.isNegative() || s.isZero())) {
            throw new IllegalArgumentException("learning steps must be positive durations");
        }
    }

    /** Default weights, the given retention, learning steps 1 and 10 minutes, relearning step 10 minutes. */
    public static FsrsParameters defaults(double desiredRetention, boolean fuzz, long fuzzSeed) {
        return new FsrsParameters(DEFAULT_WEIGHTS, desiredRetention,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)),
                36500, fuzz, fuzzSeed);
    }
}
