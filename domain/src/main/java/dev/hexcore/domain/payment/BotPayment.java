package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A bot user's purchase of {@code quantity} packs as stored: which provider holds it, what it grants
 * ({@code credits}, all packs together), what it costs, where it stands. Credits move only on the provider's word:
 * {@code succeeded} grants them once; refunds take back {@code refundedCredits}, of which {@code debt} could not be
 * taken because the balance was smaller (owed by the user, settled by an operator).
 */
public record BotPayment(String paymentId, long chatId, String provider, String packId, int quantity, int credits,
                         Money amount, PaymentStatus status, String idempotenceKey, String confirmationUrl,
                         Instant createdAt, Instant updatedAt, Instant succeededAt, String cancellationReason,
                         Money refundedAmount, int refundedCredits, int debt) {
    public BotPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(idempotenceKey, "idempotenceKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(refundedAmount, "refundedAmount");
        if (quantity <= 0 || credits <= 0) throw new IllegalArgumentException("a payment buys at least one pack");
    }

    /** A payment just created at its provider: pending, nothing refunded. */
    public static BotPayment pending(String paymentId, long chatId, String provider, String packId, int quantity,
                                     int credits, Money amount, String idempotenceKey, String confirmationUrl,
                                     Instant at) {
        return new BotPayment(paymentId, chatId, provider, packId, quantity, credits, amount, PaymentStatus.PENDING,
                idempotenceKey, confirmationUrl, at, at, null, null, new Money(java.math.BigDecimal.ZERO,
                amount.currency()), 0, 0);
    }
}
