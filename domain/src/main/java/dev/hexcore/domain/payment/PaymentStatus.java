package dev.hexcore.domain.payment;

import java.util.Locale;

/** A payment's lifecycle at its provider: pending → (waiting_for_capture) → succeeded | canceled. */
public enum PaymentStatus {
    PENDING, WAITING_FOR_CAPTURE, SUCCEEDED, CANCELED;

    /** The provider's word for it, e.g. {@code waiting_for_capture}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a word that is not a status */
    public static PaymentStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELED;
    }
}
