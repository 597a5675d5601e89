package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An order as lists show it: one row, with its customer's name and phone. */
public record OrderSummary(UUID id, long number, OrderStatus status, UUID customerId, String customerName,
                           String customerPhone, Money total, LocalDate deliveryDate, Instant createdAt,
                           Instant updatedAt) {
}
