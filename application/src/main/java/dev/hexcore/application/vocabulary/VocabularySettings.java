package dev.hexcore.application.vocabulary;

import java.time.ZoneId;

/**
 * Daily review settings: the default and largest {@code limit}, the new items introduced per day, and the zone
 * whose calendar day that count uses.
 */
public record VocabularySettings(int defaultLimit, int maxLimit, int newPerDay, ZoneId zone) {
    public VocabularySettings {
        if (defaultLimit < 1 || maxLimit < defaultLimit || newPerDay < 0) {
            throw new IllegalArgumentException("vocabulary limits must satisfy 1 <= default <= max and new >= 0");
        }
    }
}
