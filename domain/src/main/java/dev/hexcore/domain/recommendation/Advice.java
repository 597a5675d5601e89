package dev.hexcore.domain.recommendation;

import java.util.List;

/** The model's part of a recommendation, as its structured answer {@code {summary, tips}} carries it. */
public record Advice(String summary, List<String> tips) {
    public Advice {
        tips = List.copyOf(tips);
    }
}
