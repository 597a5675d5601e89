package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.List;

/** What an operator sees about one provider key (never its secret). */
public record ModelKeyStatus(String keyId, String provider, String project, boolean enabled, String disabledReason,
                             Instant cooldownUntil, List<ModelUsage> models) {
    public ModelKeyStatus {
        models = List.copyOf(models);
    }

    /** Usage of one model by the key's project in the current minute and day, and what is left (null = unlimited). */
    public record ModelUsage(String model, long requestsThisMinute, Long requestsPerMinuteLeft, long requestsToday,
                             Long requestsPerDayLeft, long tokensThisMinute, Long tokensPerMinuteLeft) {
    }
}
