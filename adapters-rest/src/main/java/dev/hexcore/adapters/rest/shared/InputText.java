package dev.hexcore.adapters.rest.shared;

/**
 * The rule every piece of client text meets, in JSON bodies and query parameters alike (ADR 0012): well-formed
 * Unicode (no lone UTF-16 surrogate, which PostgreSQL's driver would silently store as '?'), no NUL (PostgreSQL cannot
 * store it) and no other C0 control character but tab, line feed and carriage return. Single-line fields (names,
 * labels) refuse those three and every other control character as well ({@link #singleLineProblem}).
 */
public final class InputText {
    private InputText() {
    }

    /** Why {@code text} is refused, as a sentence fragment for a field error, or null when it is acceptable. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it has a lone surrogate at position " + i + ")";
            } else if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at position " + i + ")";
            }
        }
        return null;
    }

    /** As {@link #problem}, and no control character at all (tabs and line breaks included): names and labels. */
    public static String singleLineProblem(CharSequence text) {
        String problem = problem(text);
        if (problem != null) return problem;
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.CONTROL) {
                return "must be a single line without control characters (U+"
                        + String.format("%04X", (int) text.charAt(i)) + " at position " + i + ")";
            }
        }
        return null;
    }
}
