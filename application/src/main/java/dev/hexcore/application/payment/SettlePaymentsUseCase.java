package dev.hexcore.application.payment;

/**
 * Settles payments on the provider's word: a notification (YooKassa's webhook, or the sandbox page) is only a hint to
 * fetch the payment or refund again; the fetched answer alone moves credits, at most once per payment and per refund.
 */
public interface SettlePaymentsUseCase {
    /** A notification as received: its {@code event} ({@code payment.succeeded}, ...), the object's id, and a hint. */
    record PaymentNotification(String event, String objectId, String cancellationReason) {
    }

    /** What handling a notification did. Every outcome is final for the sender (HTTP 200). */
    enum Outcome {
        /** The payment succeeded and its ozhivashki were granted now. */
        CREDITED,
        /** The payment was canceled and is recorded so now. */
        CANCELED,
        /** The refund's ozhivashki were taken back (or recorded as debt) now. */
        REFUNDED,
        /** Nothing to do: this payment or refund was settled before (a duplicate or concurrent delivery). */
        ALREADY_SETTLED,
        /** The provider says the payment (or refund) is not final yet: nothing moves. */
        PENDING,
        /** No such payment here or at the provider: nothing moves. */
        UNKNOWN,
        /** The provider's answer does not match the stored payment (amount, currency, chat): nothing moves. */
        MISMATCH,
        /** An event this service does not act on. */
        IGNORED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What one reconciliation pass did. */
    record Reconciliation(int checked, int credited, int canceled, int failed) {
    }

    /** @throws dev.hexcore.domain.payment.PaymentProviderException when the provider cannot be asked (retry later) */
    Outcome handle(PaymentNotification notification);

    /** Fetches again the payments left pending for longer than the configured age, and settles them the same way. */
    Reconciliation reconcile();
}
