package dev.hexcore.domain.generation;

/**
 * Rewrites a structured answer's JSON text before it is validated ({@link LookalikeLetters}: Latin letters inside
 * Cyrillic words). Must keep JSON valid JSON and be pure (same in, same out).
 */
@FunctionalInterface
public interface AnswerNormaliser {
    String normalise(String json);
}
