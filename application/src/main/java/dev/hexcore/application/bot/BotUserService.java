package dev.hexcore.application.bot;

import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.BotRules.DailyBonusClaim;
import dev.hexcore.domain.bot.BotUser;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.BotUsers.NewBotUser;
import dev.hexcore.domain.bot.ChatId;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.ReferralCode;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Registration with a referral code and the welcome grant, the user, the ledger, the daily bonus. */
public final class BotUserService implements BotUsersUseCase {
    static final int MAX_USERNAME = 64;
    static final int MAX_REFERRAL_CODE = 64;
    static final int MAX_SOURCE = 200;

    private final BotUsers users;
    private final BotUserReader reader;
    private final CreditLedger ledger;
    private final BotRules rules;
    private final UnitOfWork uow;
    private final Clock clock;

    public BotUserService(BotUsers users, BotUserReader reader, CreditLedger ledger, BotRules rules, UnitOfWork uow,
                          Clock clock) {
        this.users = users;
        this.reader = reader;
        this.ledger = ledger;
        this.rules = rules;
        this.uow = uow;
        this.clock = clock;
    }

    @Override
    public Registration register(Actor actor, RegisterBotUserCommand command) {
        BotAccess.require(actor);
        long chatId = validate(command);
        Instant now = clock.instant();
        return uow.inTransaction(() -> {
            Long referrer = ReferralCode.referrer(command.referralCode())
                    .filter(id -> id != chatId && reader.find(id).isPresent()).orElse(null);
            boolean created = users.register(new NewBotUser(chatId, blankToNull(command.username()), referrer,
                    blankToNull(command.advertisingSource()), now));
            if (created && rules.welcomeCredits() > 0) {
                ledger.apply(CreditChange.grant(chatId, rules.welcomeCredits(), CreditReason.WELCOME, "welcome", now));
            }
            return new Registration(profile(existing(chatId), now), created);
        });
    }

    @Override
    public BotUserProfile get(Actor actor, long chatId) {
        BotAccess.require(actor);
        return profile(existing(ChatId.check(chatId)), clock.instant());
    }

    @Override
    public Page<CreditEntry> ledger(Actor actor, long chatId, PageRequest page) {
        BotAccess.require(actor);
        existing(ChatId.check(chatId));
        return ledger.entries(chatId, page);
    }

    @Override
    public DailyBonus claimDailyBonus(Actor actor, long chatId) {
        BotAccess.require(actor);
        ChatId.check(chatId);
        Instant now = clock.instant();
        return uow.inTransaction(() -> {
            DailyBonusClaim claim = rules.claimDailyBonus(existing(chatId), now);
            if (!users.claimDailyBonus(chatId, claim.previousDay(), claim.day(), claim.streak(), now)) {
                throw new ConflictException(BotRules.ALREADY_CLAIMED, "Today's daily bonus was just claimed by another request");
            }
            ledger.apply(CreditChange.grant(chatId, claim.amount(), CreditReason.DAILY_BONUS, "daily:" + claim.day(), now));
            return new DailyBonus(claim.amount(), profile(existing(chatId), now));
        });
    }

    BotUser existing(long chatId) {
        return reader.find(chatId).orElseThrow(() -> new NotFoundException("Bot user " + chatId));
    }

    BotUserProfile profile(BotUser user, Instant now) {
        return new BotUserProfile(user, rules.dailyBonusClaimedToday(user, now), rules.currentStreak(user, now));
    }

    private static long validate(RegisterBotUserCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.chatId() == null) errors.add(new FieldError("chat_id", "is required"));
        text(errors, "username", command.username(), MAX_USERNAME);
        text(errors, "referral_code", command.referralCode(), MAX_REFERRAL_CODE);
        text(errors, "advertising_source", command.advertisingSource(), MAX_SOURCE);
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        return ChatId.check(command.chatId());
    }

    /** Optional one-line text: at most {@code max} characters, no control characters. */
    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null) return;
        if (value.length() > max) errors.add(new FieldError(field, "must be at most " + max + " characters"));
        else if (value.chars().anyMatch(Character::isISOControl) || hasLoneSurrogate(value)) {
            errors.add(new FieldError(field, "must be one line of text without control characters"));
        }
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return true;
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
