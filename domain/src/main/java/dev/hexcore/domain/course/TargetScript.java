package dev.hexcore.domain.course;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The script a target language is written in, for the languages whose script we know: a lesson text must be written
 * in it, and Cyrillic targets get Latin look-alike letters replaced before anything is compared.
 */
public enum TargetScript {
    CYRILLIC(Character.UnicodeScript.CYRILLIC), LATIN(Character.UnicodeScript.LATIN);

    /** The least share of a text's letters that must be in the target's script. */
    public static final double MIN_SHARE = 0.8;

    private static final Map<String, TargetScript> LANGUAGES = Map.ofEntries(
            Map.entry("kazakh", CYRILLIC), Map.entry("russian", CYRILLIC), Map.entry("ukrainian", CYRILLIC),
            Map.entry("belarusian", CYRILLIC), Map.entry("bulgarian", CYRILLIC), Map.entry("serbian", CYRILLIC),
            Map.entry("kyrgyz", CYRILLIC), Map.entry("english", LATIN), Map.entry("german", LATIN),
            Map.entry("french", LATIN), Map.entry("spanish", LATIN), Map.entry("italian", LATIN),
            Map.entry("portuguese", LATIN), Map.entry("turkish", LATIN), Map.entry("polish", LATIN),
            Map.entry("dutch", LATIN), Map.entry("uzbek", LATIN));

    private final Character.UnicodeScript script;

    TargetScript(Character.UnicodeScript script) {
        this.script = script;
    }

    /** The script of {@code language} ("Kazakh"), empty for a language we cannot tell. */
    public static Optional<TargetScript> of(String language) {
        return Optional.ofNullable(LANGUAGES.get(language.strip().toLowerCase(Locale.ROOT)));
    }

    /** The share of {@code text}'s letters written in this script; 1 for a text without letters. */
    public double share(String text) {
        int letters = 0;
        int inScript = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            if (Character.UnicodeScript.of(cp) == script) inScript++;
        }
        return letters == 0 ? 1 : (double) inScript / letters;
    }
}
