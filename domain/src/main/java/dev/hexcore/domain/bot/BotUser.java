package dev.hexcore.domain.bot;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A Telegram-bot user as the bot sees it (seed 003's user shape): the read model of one {@code bot_users} row with
 * its balance. {@code dailyBonusDay} is the last calendar day (in the bonus zone) a daily bonus was claimed;
 * {@code paymentsJson} is the JSON object {@code {payment id: status}} written by the payments context (empty
 * until then), passed through as stored.
 */
public record BotUser(long chatId, String username, int ozhivashki, int generationCount, Instant lastGenerationTime,
                      Instant registeredAt, Long referredBy, boolean referralBonusClaimed, Instant firstGenerationTime,
                      LocalDate dailyBonusDay, int dailyBonusStreak, boolean discountOffered, Instant lastActivityTime,
                      String advertisingSource, String paymentsJson) {

    /** The code a user shares to refer others: {@code ref_<chat_id>}. */
    public String referralCode() {
        return ReferralCode.of(chatId);
    }
}
