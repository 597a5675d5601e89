package dev.hexcore.domain.bot;

import dev.hexcore.domain.shared.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The bot's configurable rules (seed 003): welcome and referral grants, the daily bonus (once per calendar day in
 * {@code zone}, growing with the streak as {@code dailyBonusTable} says: entry n is day n's bonus, the last entry
 * holds from then on), bonus images, and when the bot may offer a discount pack.
 *
 * <p>Bonus images ({@code bonusImages} of them, on top of the four main ones) come with a user's first generation
 * ever, and with the first generation of a day on which the user claimed a daily bonus whose streak is a multiple of
 * {@code bonusStreakEvery} (days 3, 6, 9, … with the default 3).
 */
public record BotRules(int welcomeCredits, int referralBonus, ZoneId zone, List<Integer> dailyBonusTable,
                       int mainImages, int bonusImages, int bonusStreakEvery, int discountAfterGenerations) {
    public static final String ALREADY_CLAIMED = "DAILY_BONUS_ALREADY_CLAIMED";

    public BotRules {
        Objects.requireNonNull(zone, "zone");
        dailyBonusTable = List.copyOf(dailyBonusTable);
        if (welcomeCredits < 0 || referralBonus < 0) throw new IllegalArgumentException("grants cannot be negative");
        if (dailyBonusTable.isEmpty() || dailyBonusTable.stream().anyMatch(a -> a == null || a < 1)) {
            throw new IllegalArgumentException("the daily bonus table needs at least one amount, each 1 or more");
        }
        if (mainImages < 1 || bonusImages < 0 || bonusStreakEvery < 1 || discountAfterGenerations < 1) {
            throw new IllegalArgumentException("image counts and thresholds must be positive");
        }
    }

    public static BotRules defaults() {
        return new BotRules(1, 1, ZoneId.of("Europe/Moscow"), List.of(1, 1, 2, 2, 3), 4, 2, 3, 3);
    }

    /** The calendar day of {@code at} in the bonus zone. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public boolean dailyBonusClaimedToday(BotUser user, Instant now) {
        return day(now).equals(user.dailyBonusDay());
    }

    /** The streak as it stands now: the stored one while it is unbroken (claimed today or yesterday), else 0. */
    public int currentStreak(BotUser user, Instant now) {
        LocalDate today = day(now);
        LocalDate last = user.dailyBonusDay();
        return last != null && (last.equals(today) || last.equals(today.minusDays(1))) ? user.dailyBonusStreak() : 0;
    }

    /** Today's claim: refused when today's bonus was claimed already; the streak grows on consecutive days. */
    public DailyBonusClaim claimDailyBonus(BotUser user, Instant now) {
        LocalDate today = day(now);
        if (today.equals(user.dailyBonusDay())) {
            throw new ConflictException(ALREADY_CLAIMED, "Today's daily bonus was already claimed; the next one is "
                    + "available from midnight " + zone);
        }
        int streak = today.minusDays(1).equals(user.dailyBonusDay()) ? user.dailyBonusStreak() + 1 : 1;
        int amount = dailyBonusTable.get(Math.min(streak, dailyBonusTable.size()) - 1);
        return new DailyBonusClaim(user.dailyBonusDay(), today, streak, amount);
    }

    /** How many bonus images a generation started now earns (see the class comment). */
    public int bonusImagesFor(BotUser user, Instant now) {
        if (user.generationCount() == 0) return bonusImages;
        LocalDate today = day(now);
        boolean streakDay = today.equals(user.dailyBonusDay()) && user.dailyBonusStreak() % bonusStreakEvery == 0;
        boolean firstToday = user.lastGenerationTime() == null || day(user.lastGenerationTime()).isBefore(today);
        return streakDay && firstToday ? bonusImages : 0;
    }

    /** A user at 0 who generated at least {@code discountAfterGenerations} times and never bought is offered a discount. */
    public boolean offersDiscount(int balance, int generationCount, boolean hasPurchased) {
        return balance == 0 && generationCount >= discountAfterGenerations && !hasPurchased;
    }

    /** A claim of the daily bonus: {@code previousDay} is the day the user last claimed (null if never). */
    public record DailyBonusClaim(LocalDate previousDay, LocalDate day, int streak, int amount) {
    }
}
