package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * How hard the gateway tries: {@code attempts} upstream calls per model (transient failures) and {@code repairRounds}
 * extra rounds in which a structured answer that broke its schema or a validator is sent back with its error codes.
 * The numbers here are the defaults; configuration may set others per mode ({@code hexcore.ai.modes.<mode>.*}, read
 * through the gateway's settings).
 */
public enum GenerationMode {
    FAST(1, 0), BALANCED(2, 1), STRICT(3, 2);

    private final int attempts;
    private final int repairRounds;

    GenerationMode(int attempts, int repairRounds) {
        this.attempts = attempts;
        this.repairRounds = repairRounds;
    }

    /** The default number of upstream calls per model. */
    public int attempts() { return attempts; }
    /** The default number of repair rounds. */
    public int repairRounds() { return repairRounds; }
    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static GenerationMode parse(String code) {
        if (code == null || code.isBlank()) return BALANCED;
        for (GenerationMode mode : values()) {
            if (mode.code().equalsIgnoreCase(code.strip())) return mode;
        }
        throw new InvalidValueException("mode", "must be fast, balanced or strict");
    }
}
