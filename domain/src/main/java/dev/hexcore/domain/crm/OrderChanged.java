package dev.hexcore.domain.crm;

import java.util.UUID;

/** An order of {@code shopId} changed (placed or moved) and the change committed. */
public record OrderChanged(UUID shopId, UUID orderId) {
}
