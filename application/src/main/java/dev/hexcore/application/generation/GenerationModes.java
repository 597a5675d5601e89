package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each {@link GenerationMode} allows: upstream calls per model for transient failures ({@code attempts}, at
 * least 1) and repair rounds of a structured answer ({@code repairRounds}, at least 0). Configured as
 * {@code hexcore.ai.modes.<fast|balanced|strict>.attempts} and {@code ...repair-rounds}; unset modes keep the enum's
 * defaults (fast 1/0, balanced 2/1, strict 3/2).
 */
public final class GenerationModes {
    /** The limits of one mode. */
    public record Limits(int attempts, int repairRounds) {
        public Limits {
            if (attempts < 1) throw new IllegalArgumentException("a mode allows at least one attempt");
            if (repairRounds < 0) throw new IllegalArgumentException("repair rounds must not be negative");
        }
    }

    private final Map<GenerationMode, Limits> limits;

    private GenerationModes(Map<GenerationMode, Limits> limits) {
        this.limits = limits;
    }

    /** The enum's defaults. */
    public static GenerationModes defaults() {
        return configured(Map.of());
    }

    /** {@code overrides} for the modes they name, the defaults for the others. */
    public static GenerationModes configured(Map<GenerationMode, Limits> overrides) {
        Map<GenerationMode, Limits> limits = new EnumMap<>(GenerationMode.class);
        for (GenerationMode mode : GenerationMode.values()) {
            limits.put(mode, overrides.getOrDefault(mode, new Limits(mode.attempts(), mode.repairRounds())));
        }
        return new GenerationModes(limits);
    }

    public int attempts(GenerationMode mode) {
        return limits.get(mode).attempts();
    }

    public int repairRounds(GenerationMode mode) {
        return limits.get(mode).repairRounds();
    }
}
