package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;

/** Telegram user ids: positive 64-bit integers (Telegram promises they fit in 52 bits). */
public final class TelegramIds {
    private TelegramIds() {
    }

    /** The id itself, or InvalidValueException on field {@code telegram_id} when it is not positive. */
    public static long require(long telegramId) {
        if (telegramId <= 0) throw new InvalidValueException("telegram_id", "must be a positive integer");
        return telegramId;
    }
}
