package dev.hexcore.domain.generation;

import java.util.Map;

/**
 * Models writing Russian or Kazakh sometimes put a Latin letter that looks the same into a Cyrillic word ("сaлем" with
 * a Latin {@code a}), which breaks matching against a word list. {@link #toCyrillic} replaces such letters with their
 * Cyrillic twins, but only inside a word that holds Cyrillic letters, so Latin words and JSON keys stay untouched.
 */
public final class LookalikeLetters implements AnswerNormaliser {
    private static final Map<Character, Character> LATIN_TO_CYRILLIC = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('o', 'о'), Map.entry('p', 'р'),
            Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('i', 'і'), Map.entry('A', 'А'), Map.entry('B', 'В'),
            Map.entry('C', 'С'), Map.entry('E', 'Е'), Map.entry('H', 'Н'), Map.entry('K', 'К'), Map.entry('M', 'М'),
            Map.entry('O', 'О'), Map.entry('P', 'Р'), Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('I', 'І'));

    private static final LookalikeLetters INSTANCE = new LookalikeLetters();

    private LookalikeLetters() {
    }

    /** The normaliser that turns Latin look-alikes inside Cyrillic words into Cyrillic letters. */
    public static LookalikeLetters toCyrillic() {
        return INSTANCE;
    }

    @Override
    public String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            boolean cyrillic = false;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                cyrillic |= Character.UnicodeBlock.of(text.charAt(end)) == Character.UnicodeBlock.CYRILLIC;
                end++;
            }
            for (int j = i; j < end; j++) {
                char c = text.charAt(j);
                out.append(cyrillic ? LATIN_TO_CYRILLIC.getOrDefault(c, c) : c);
            }
            i = end;
        }
        return out.toString();
    }
}
