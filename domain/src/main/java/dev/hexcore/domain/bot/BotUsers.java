package dev.hexcore.domain.bot;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Changes to bot users, each one conditional statement so that concurrent requests cannot apply a rule twice. Joins
 * the caller's unit of work; balances move only through {@link CreditLedger}.
 */
public interface BotUsers {
    /** A new user with a zero balance, or false (and nothing changes) when the chat id is registered already. */
    boolean register(NewBotUser user);

    /** Records today's claim unless the stored last claim day is no longer {@code previousDay}; false then. */
    boolean claimDailyBonus(long chatId, LocalDate previousDay, LocalDate day, int streak, Instant at);

    /** Counts a successful generation (first and last generation time, activity). */
    void recordGeneration(long chatId, Instant at);

    /** Marks the user's referral bonus as paid; false when it was already. */
    boolean claimReferralBonus(long chatId);

    void offerDiscount(long chatId);

    /** Whether the user ever bought ozhivashki. */
    boolean hasPurchased(long chatId);

    record NewBotUser(long chatId, String username, Long referredBy, String advertisingSource, Instant at) {
    }
}
