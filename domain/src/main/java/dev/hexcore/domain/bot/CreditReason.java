package dev.hexcore.domain.bot;

/** Why ozhivashki moved: grants are positive entries, a generation's spend is negative. */
public enum CreditReason {
    WELCOME, REFERRAL, DAILY_BONUS, PURCHASE, REFUND, GENERATION;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CreditReason ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
