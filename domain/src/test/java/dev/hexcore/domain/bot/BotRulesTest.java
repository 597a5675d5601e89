package dev.hexcore.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hexcore.domain.shared.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotRulesTest {
    private final BotRules rules = BotRules.defaults();

    private static BotUser user(LocalDate bonusDay, int streak, int generations, Instant lastGeneration) {
        return new BotUser(1, "u", 0, generations, lastGeneration, Instant.EPOCH, null, false, null, bonusDay, streak,
                false, Instant.EPOCH, null, "{}");
    }

    @Test
    void theBonusDayTurnsAtMidnightInMoscowNotUtc() {
        assertThat(rules.day(Instant.parse("2026-12-04T20:59:59Z"))).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(rules.day(Instant.parse("2026-12-04T21:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-05"));
    }

    @Test
    void aClaimJustBeforeAndJustAfterLocalMidnightAreTwoDaysOfOneStreak() {
        BotRules.DailyBonusClaim evening = rules.claimDailyBonus(user(null, 0, 0, null), Instant.parse("2026-12-04T20:59:00Z"));
        assertThat(evening).isEqualTo(new BotRules.DailyBonusClaim(null, LocalDate.parse("2026-12-04"), 1, 1));
        BotUser claimed = user(evening.day(), evening.streak(), 0, null);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> rules.claimDailyBonus(claimed, Instant.parse("2026-12-04T20:59:59Z")))
                .satisfies(e -> assertThat(e.code()).isEqualTo(BotRules.ALREADY_CLAIMED));
        BotRules.DailyBonusClaim afterMidnight = rules.claimDailyBonus(claimed, Instant.parse("2026-12-04T21:00:01Z"));
        assertThat(afterMidnight.day()).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(afterMidnight.streak()).isEqualTo(2);
        assertThat(afterMidnight.previousDay()).isEqualTo(evening.day());
    }

    @ParameterizedTest(name = "streak {0} → bonus {1}")
    @CsvSource({"0,1", "1,1", "2,2", "3,2", "4,3", "10,3"})
    void theBonusGrowsWithTheStreakAndStaysAtTheTablesLastEntry(int streakSoFar, int amount) {
        BotUser yesterday = user(LocalDate.parse("2026-12-03"), streakSoFar, 0, null);
        BotRules.DailyBonusClaim claim = rules.claimDailyBonus(yesterday, Instant.parse("2026-12-04T09:00:00Z"));
        assertThat(claim.streak()).isEqualTo(streakSoFar + 1);
        assertThat(claim.amount()).isEqualTo(amount);
    }

    @Test
    void aMissedDayBreaksTheStreak() {
        BotUser twoDaysAgo = user(LocalDate.parse("2026-12-02"), 4, 0, null);
        Instant now = Instant.parse("2026-12-04T09:00:00Z");
        assertThat(rules.currentStreak(twoDaysAgo, now)).isZero();
        assertThat(rules.claimDailyBonus(twoDaysAgo, now).streak()).isEqualTo(1);
        assertThat(rules.currentStreak(user(LocalDate.parse("2026-12-03"), 4, 0, null), now)).isEqualTo(4);
    }

    @Test
    void bonusImagesComeWithTheFirstGenerationAndTheFirstOneOfAStreakDay() {
        Instant now = Instant.parse("2026-12-04T09:00:00Z");
        LocalDate today = LocalDate.parse("2026-12-04");
        assertThat(rules.bonusImagesFor(user(null, 0, 0, null), now)).isEqualTo(2);
        assertThat(rules.bonusImagesFor(user(today, 3, 5, Instant.parse("2026-12-03T10:00:00Z")), now)).isEqualTo(2);
        assertThat(rules.bonusImagesFor(user(today, 3, 5, Instant.parse("2026-12-04T08:00:00Z")), now))
                .as("not the first generation of the streak day").isZero();
        assertThat(rules.bonusImagesFor(user(today, 2, 5, null), now)).as("day 2 is no streak day").isZero();
        assertThat(rules.bonusImagesFor(user(today.minusDays(1), 3, 5, null), now)).as("claimed yesterday").isZero();
    }

    @Test
    void aDiscountIsOfferedAtZeroAfterEnoughGenerationsWithoutAPurchase() {
        assertThat(rules.offersDiscount(0, 3, false)).isTrue();
        assertThat(rules.offersDiscount(0, 2, false)).isFalse();
        assertThat(rules.offersDiscount(1, 3, false)).isFalse();
        assertThat(rules.offersDiscount(0, 3, true)).isFalse();
    }

    @Test
    void rulesRefuseATableWithoutAmountsOrNegativeGrants() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        assertThatIllegalArgumentException().isThrownBy(() -> new BotRules(1, 1, moscow, List.of(), 4, 2, 3, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotRules(1, 1, moscow, List.of(1, 0), 4, 2, 3, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotRules(-1, 1, moscow, List.of(1), 4, 2, 3, 3));
    }

    @Test
    void referralCodesNameTheReferrersChatId() {
        assertThat(ReferralCode.of(987654321)).isEqualTo("ref_987654321");
        assertThat(ReferralCode.referrer("ref_987654321")).contains(987654321L);
        assertThat(ReferralCode.referrer("ref_")).isEmpty();
        assertThat(ReferralCode.referrer("ref_12x")).isEmpty();
        assertThat(ReferralCode.referrer("ref_99999999999999999999")).isEmpty();
        assertThat(ReferralCode.referrer(null)).isEmpty();
    }

    @Test
    void aSpendIsNegativeAGrantPositiveAndNeitherIsZero() {
        Instant now = Instant.EPOCH;
        assertThat(CreditChange.spend(1, 1, "k", now).amount()).isEqualTo(-1);
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, -1, CreditReason.REFUND, "k", now));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, 1, CreditReason.GENERATION, "k", now));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, 0, CreditReason.WELCOME, "k", now));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, 1, CreditReason.WELCOME, " ", now));
    }

    @Test
    void onlyGenerationsAndPurchaseRefundsTakeOzhivashkiAway() {
        Instant now = Instant.EPOCH;
        assertThat(CreditChange.takeBack(1, 10, "refund:r", now).amount()).isEqualTo(-10);
        assertThat(CreditChange.takeBack(1, 10, "refund:r", now).reason()).isEqualTo(CreditReason.PURCHASE_REFUND);
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, 5, CreditReason.PURCHASE_REFUND, "k", now));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditChange.grant(1, -5, CreditReason.PURCHASE, "k", now));
        assertThat(CreditReason.PURCHASE_REFUND.code()).isEqualTo("purchase_refund").hasSizeLessThanOrEqualTo(16);
        assertThat(CreditReason.ofCode("purchase_refund")).isEqualTo(CreditReason.PURCHASE_REFUND);
    }
}
