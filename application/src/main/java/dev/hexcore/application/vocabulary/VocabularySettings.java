package dev.hexcore.application.vocabulary;

/**
 * Daily review settings: the default and largest {@code limit}, and the new items introduced per calendar day of the
 * user's own time zone.
 */
public record VocabularySettings(int defaultLimit, int maxLimit, int newPerDay) {
    public VocabularySettings {
        if (defaultLimit < 1 || maxLimit < defaultLimit || newPerDay < 0) {
            throw new IllegalArgumentException("vocabulary limits must satisfy 1 <= default <= max and new >= 0");
        }
    }
}
