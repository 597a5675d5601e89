package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A payment to create: the amount to charge, what the customer sees ({@code description}), where the provider sends
 * the customer afterwards ({@code returnUrl}) and string metadata echoed back in every answer and notification.
 * {@code idempotenceKey} (1 to 64 characters) makes a retried create return the original payment.
 */
public record NewPayment(String idempotenceKey, Money amount, String description, String returnUrl,
                         Map<String, String> metadata) {
    public NewPayment {
        if (idempotenceKey == null || idempotenceKey.isBlank() || idempotenceKey.length() > 64) {
            throw new IllegalArgumentException("an idempotence key of 1 to 64 characters is required");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(returnUrl, "returnUrl");
        metadata = Map.copyOf(metadata);
    }
}
