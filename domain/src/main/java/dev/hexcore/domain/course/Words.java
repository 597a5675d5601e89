package dev.hexcore.domain.course;

import dev.hexcore.domain.generation.LookalikeLetters;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form words are compared and stored in (lexemes' {@code normalized}): Unicode NFC, lower case, Latin
 * look-alike letters made Cyrillic for Cyrillic targets, punctuation dropped, spaces collapsed.
 */
public final class Words {
    private Words() {
    }

    public static String normalise(String text, String targetLanguage) {
        String value = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (TargetScript.of(targetLanguage).orElse(null) == TargetScript.CYRILLIC) {
            value = LookalikeLetters.toCyrillic().normalise(value);
        }
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ").strip();
    }

    /** Whether {@code phrase} occurs in {@code text} as whole words, both in normal form. */
    public static boolean occursIn(String normalisedPhrase, String normalisedText) {
        if (normalisedPhrase.isEmpty()) return false;
        return (" " + normalisedText + " ").contains(" " + normalisedPhrase + " ");
    }
}
