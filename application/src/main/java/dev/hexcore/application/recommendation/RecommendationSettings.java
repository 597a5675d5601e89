package dev.hexcore.application.recommendation;

import dev.hexcore.domain.generation.ModelRef;
import java.time.Duration;
import java.util.List;

/**
 * {@code chain}: the models for operation "recommendations"; {@code timeout}: the budget of one generation (30 s);
 * {@code ttl}: how long an entry is served (24 h); {@code cooldown}: how soon after the last generation a scope may be
 * generated again (10 min); {@code batchMinAge}: the age from which the batch regenerates an entry (20 h);
 * {@code batchPause}: the pause between two batch generations, which paces the batch below the model quota;
 * {@code language}: the language of the answer (Russian).
 */
public record RecommendationSettings(List<ModelRef> chain, Duration timeout, Duration ttl, Duration cooldown,
                                     Duration batchMinAge, Duration batchPause, String language) {
    public static final int MINIMUM_ORDERS = 5;
    public static final Duration WINDOW = Duration.ofDays(30);

    public RecommendationSettings {
        chain = List.copyOf(chain);
    }
}
