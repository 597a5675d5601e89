package dev.hexcore.domain.bot;

import java.time.Instant;

/** A ledger entry as stored; {@code balanceAfter} is the user's balance right after it was applied. */
public record CreditEntry(long id, long chatId, int amount, CreditReason reason, String idempotencyKey,
                          int balanceAfter, Instant createdAt) {
}
