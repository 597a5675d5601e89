package dev.hexcore.domain.recommendation;

import java.time.Instant;
import java.util.List;

/** A generated recommendation: the model's {@code summary} and {@code tips}, when, and the statistics it was made from. */
public record Recommendation(String summary, List<String> tips, Instant generatedAt, OrderStats stats) {
    public Recommendation {
        tips = List.copyOf(tips);
    }
}
