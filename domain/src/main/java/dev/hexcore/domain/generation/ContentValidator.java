package dev.hexcore.domain.generation;

import java.util.List;

/**
 * A feature's own check of a structured answer that already satisfies its JSON Schema ("every vocabulary word occurs
 * in the text"). Pure: the same answer always gives the same issues, which is what lets the response cache replay a
 * repair round.
 */
@FunctionalInterface
public interface ContentValidator {
    /** The problems of {@code json} (the answer's JSON text, normalised), empty when it passes. */
    List<ValidationIssue> check(String json);
}
