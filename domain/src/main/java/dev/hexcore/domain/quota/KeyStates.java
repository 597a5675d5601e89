package dev.hexcore.domain.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the key pool learned from providers and operators, shared by every replica (in the real implementation):
 * cooldowns of a scope (the pool uses provider, project and model), the run of consecutive bare rate-limit answers of
 * a scope, and disabled keys with their reason.
 */
public interface KeyStates {
    /** The cooldowns still running at {@code now} among {@code scopes}, and every disabled key with its reason. */
    record View(Map<String, Instant> cooldowns, Map<String, String> disabled) {
        public View {
            cooldowns = Map.copyOf(cooldowns);
            disabled = Map.copyOf(disabled);
        }
    }

    View view(Collection<String> scopes, Instant now);

    /** Cools {@code scope} down until {@code until}; a later cooldown already set is kept. */
    void coolDown(String scope, Instant until, Instant now);

    /**
     * Counts one more strike against {@code scope} and returns the run's length including this one; a run is
     * forgotten {@code forgetAfter} after its last strike.
     */
    int strike(String scope, Instant now, Duration forgetAfter);

    void disable(String keyId, String reason);

    void enable(String keyId);
}
