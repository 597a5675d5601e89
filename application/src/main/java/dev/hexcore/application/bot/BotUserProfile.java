package dev.hexcore.application.bot;

import dev.hexcore.domain.bot.BotUser;

/** A bot user as answered: the stored user, and whether today's daily bonus is claimed and the unbroken streak. */
public record BotUserProfile(BotUser user, boolean dailyBonusClaimedToday, int dailyBonusStreak) {
}
