package dev.hexcore.domain.profile;

import java.util.Locale;

/**
 * Russian → Latin as printed in Russian foreign passports since 2014: ICAO Doc 9303 (the table adopted from GOST
 * R 52535.1-2006, with ц → ts and ъ → ie). ё is e, й is i, ь is dropped, х is kh, ю is iu, я is ia.
 *
 * <p>The result contains no Cyrillic letter. Case follows the source: {@code Щукин} becomes {@code Shchukin},
 * {@code ЩУКИН} becomes {@code SHCHUKIN}. Guillemets become straight double quotes; other characters pass through.
 */
public final class Transliteration {
    private static final String[] LOWER = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia",
    };

    private Transliteration() {
    }

    /** The text in Latin letters, case kept. */
    public static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String latin = latinOf(Character.toLowerCase(c));
            if (latin == null) {
                out.append(c == '«' || c == '»' ? '"' : c);
            } else if (latin.isEmpty() || !Character.isUpperCase(c)) {
                out.append(latin);
            } else if (isUpperCaseContext(text, i)) {
                out.append(latin.toUpperCase(Locale.ROOT));
            } else {
                out.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
            }
        }
        return out.toString();
    }

    /** The text in upper-case Latin letters, as embossed on a card or printed in a passport's machine zone. */
    public static String toUpperLatin(String text) {
        return toLatin(text).toUpperCase(Locale.ROOT);
    }

    private static String latinOf(char lower) {
        if (lower >= 'а' && lower <= 'я') return LOWER[lower - 'а'];
        if (lower == 'ё') return "e";
        return null;
    }

    /** An upper-case letter inside an upper-case word (its neighbour is an upper-case letter too). */
    private static boolean isUpperCaseContext(String text, int index) {
        if (index + 1 < text.length() && Character.isLetter(text.charAt(index + 1))) {
            return Character.isUpperCase(text.charAt(index + 1));
        }
        return index > 0 && Character.isUpperCase(text.charAt(index - 1));
    }
}
