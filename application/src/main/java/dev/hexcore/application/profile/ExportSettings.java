package dev.hexcore.application.profile;

import java.time.Duration;

/**
 * How exports run.
 *
 * @param maxAttempts     attempts per export before it fails for good
 * @param lease           how long a worker holds a job before another replica may take it over (renewed while it runs)
 * @param retryBackoff    delay before the second attempt; doubled each further attempt, capped at {@code maxBackoff}
 * @param maxBackoff      the longest delay between attempts
 * @param fileRetention   how long a finished file stays downloadable
 * @param pdfMaxProfiles  the most profiles one PDF export may hold (JSON is unbounded: it streams)
 */
public record ExportSettings(int maxAttempts, Duration lease, Duration retryBackoff, Duration maxBackoff,
                             Duration fileRetention, int pdfMaxProfiles) {
    public static ExportSettings defaults() {
        return new ExportSettings(3, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofDays(7), 1000);
    }
}
