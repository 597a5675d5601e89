package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.List;

/** What an operator sees about one provider key (never its secret). */
public record ModelKeyStatus(String keyId, String provider, String project, boolean enabled, String disabledReason,
                             Instant cooldownUntil, List<ModelUsage> models) {
    public ModelKeyStatus {
        models = List.copyOf(models);
    }

    /**
     * Usage of one model by the key's project and what is left (null = unlimited): {@code requestsThisMinute} counts
     * the requests of the last 60 s (the per-minute quota is a sliding window), {@code requestsToday} those of the
     * provider's current day, {@code tokensThisMinute} the tokens of the current clock minute.
     */
    public record ModelUsage(String model, long requestsThisMinute, Long requestsPerMinuteLeft, long requestsToday,
                             Long requestsPerDayLeft, long tokensThisMinute, Long tokensPerMinuteLeft) {
    }
}
