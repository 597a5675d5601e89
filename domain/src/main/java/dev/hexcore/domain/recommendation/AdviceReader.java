package dev.hexcore.domain.recommendation;

import java.util.Optional;

/** Reads the model's JSON answer {@code {summary, tips}}; empty when the text is not that shape. */
public interface AdviceReader {
    Optional<Advice> read(String json);
}
