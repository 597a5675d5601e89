package dev.hexcore.domain.bot;

/**
 * Why ozhivashki moved: grants are positive entries; a generation's spend and the take-back of a refunded purchase
 * ({@code purchase_refund}) are negative.
 */
public enum CreditReason {
    WELCOME, REFERRAL, DAILY_BONUS, PURCHASE, REFUND, GENERATION, PURCHASE_REFUND;

    /** Whether entries of this reason take ozhivashki away (negative amounts) rather than grant them. */
    public boolean isDebit() {
        return this == GENERATION || this == PURCHASE_REFUND;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CreditReason ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
