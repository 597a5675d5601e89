package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.util.Objects;

/** A refund as its provider sees it; {@code status} is the provider's word ({@code succeeded}, {@code canceled}, ...). */
public record ProviderRefund(String id, String paymentId, String status, Money amount) {
    public ProviderRefund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
