package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A payment held by the local sandbox provider: what its confirmation page shows and what {@code fetch} answers. */
public record SandboxPayment(String id, String idempotenceKey, PaymentStatus status, Money amount, String description,
                             String returnUrl, Map<String, String> metadata, Instant createdAt) {
    public SandboxPayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotenceKey, "idempotenceKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Map.copyOf(metadata);
    }
}
