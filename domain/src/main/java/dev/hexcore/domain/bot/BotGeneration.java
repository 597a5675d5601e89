package dev.hexcore.domain.bot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One generation from a drawing: pending while its ozhivashka is reserved and the model runs, then succeeded (its
 * images stored under {@code mainImageKeys} and {@code bonusImageKeys} in file storage, {@code balanceAfter} the
 * balance it left) or failed (the ozhivashka
 * refunded, the idempotency key freed for a retry).
 */
public record BotGeneration(UUID id, long chatId, String idempotencyKey, Status status, int bonusImagesPlanned,
                            String provider, String model, Long latencyMs, List<String> mainImageKeys,
                            List<String> bonusImageKeys, Integer balanceAfter, String errorCode, Instant createdAt,
                            Instant completedAt) {
    public enum Status {
        PENDING, SUCCEEDED, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BotGeneration {
        mainImageKeys = mainImageKeys == null ? List.of() : List.copyOf(mainImageKeys);
        bonusImageKeys = bonusImageKeys == null ? List.of() : List.copyOf(bonusImageKeys);
    }
}
