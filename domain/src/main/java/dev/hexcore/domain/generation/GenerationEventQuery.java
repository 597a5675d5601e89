package dev.hexcore.domain.generation;

import java.time.Instant;

/** Which recorded gateway calls an operator asks about; every field optional. {@code from} inclusive, {@code to} exclusive. */
public record GenerationEventQuery(String operation, String provider, String model, Instant from, Instant to,
                                   Boolean failed, Boolean cacheHit) {
    public static GenerationEventQuery all() {
        return new GenerationEventQuery(null, null, null, null, null, null, null);
    }
}
