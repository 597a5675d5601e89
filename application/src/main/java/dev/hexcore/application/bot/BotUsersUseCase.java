package dev.hexcore.application.bot;

import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;

/** Seed 003's users: registration with a referral code, the user, its ozhivashki ledger and the daily bonus. */
public interface BotUsersUseCase {
    record RegisterBotUserCommand(Long chatId, String username, String referralCode, String advertisingSource) {
    }

    /** The user, and whether this call created it (an existing user is returned unchanged). */
    record Registration(BotUserProfile profile, boolean created) {
    }

    /** The claim's amount and the user after it. */
    record DailyBonus(int amount, BotUserProfile profile) {
    }

    Registration register(Actor actor, RegisterBotUserCommand command);

    BotUserProfile get(Actor actor, long chatId);

    Page<CreditEntry> ledger(Actor actor, long chatId, PageRequest page);

    DailyBonus claimDailyBonus(Actor actor, long chatId);
}
