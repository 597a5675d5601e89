package dev.hexcore.domain.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * One movement of a user's ozhivashki, applied at most once per {@code (chatId, idempotencyKey)}: a positive amount
 * is a grant, a negative one a spend (a generation) or a take-back (a refunded purchase). Amounts are whole ozhivashki.
 */
public record CreditChange(long chatId, int amount, CreditReason reason, String idempotencyKey, Instant at) {
    public CreditChange {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (amount == 0) throw new IllegalArgumentException("a credit change moves at least one ozhivashka");
        if ((amount < 0) != reason.isDebit()) {
            throw new IllegalArgumentException(reason + " cannot move " + amount);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("an idempotency key of 1 to 200 characters is required");
        }
    }

    public static CreditChange grant(long chatId, int amount, CreditReason reason, String key, Instant at) {
        return new CreditChange(chatId, amount, reason, key, at);
    }

    public static CreditChange spend(long chatId, int amount, String key, Instant at) {
        return new CreditChange(chatId, -amount, CreditReason.GENERATION, key, at);
    }

    /** Takes back {@code amount} ozhivashki granted by a purchase that was refunded. */
    public static CreditChange takeBack(long chatId, int amount, String key, Instant at) {
        return new CreditChange(chatId, -amount, CreditReason.PURCHASE_REFUND, key, at);
    }
}
