package dev.hexcore.domain.generation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One problem of a structured answer: a stable machine {@code code} ({@code SCHEMA_INVALID}, {@code WORD_MISSING},
 * upper snake case), recorded in the result and the generation event, and a {@code detail} for the model's repair
 * round ("the word 'сәлем' does not occur in the text").
 */
public record ValidationIssue(String code, String detail) {
    /** The code of a problem found by the JSON Schema. */
    public static final String SCHEMA_INVALID = "SCHEMA_INVALID";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public ValidationIssue {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("an issue code is UPPER_SNAKE_CASE: " + code);
        detail = detail == null ? "" : detail;
    }
}
