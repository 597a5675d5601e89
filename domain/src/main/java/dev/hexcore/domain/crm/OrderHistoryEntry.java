package dev.hexcore.domain.crm;

import java.time.Instant;
import java.util.UUID;

/** One move of an order: who ({@code null} for a system move), when, from (null when placed), to and why. */
public record OrderHistoryEntry(UUID id, UUID orderId, OrderStatus fromStatus, OrderStatus toStatus, UUID changedBy,
                                String changedByName, String comment, Instant changedAt) {
}
