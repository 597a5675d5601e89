package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A payment as its provider sees it. {@code confirmationUrl} is where the customer pays (null once paid or
 * canceled); {@code refundedAmount} is the total refunded so far (zero when nothing was); {@code metadata} is what was
 * sent at creation.
 */
public record ProviderPayment(String id, PaymentStatus status, Money amount, Money refundedAmount,
                              String confirmationUrl, Map<String, String> metadata, Instant createdAt) {
    public ProviderPayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedAmount, "refundedAmount");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Map.copyOf(metadata);
    }
}
