package dev.hexcore.domain.course;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Locale;

/** A CEFR level, A1 to C2, as courses and lessons take it. */
public final class CefrLevel {
    private static final List<String> LEVELS = List.of("A1", "A2", "B1", "B2", "C1", "C2");

    private CefrLevel() {
    }

    /** {@code value} upper-cased, or a 422 naming {@code field}. */
    public static String parse(String field, String value) {
        String level = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) throw new InvalidValueException(field, "must be one of " + String.join(", ", LEVELS));
        return level;
    }
}
