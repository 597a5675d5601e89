package dev.hexcore.domain.crm;

import java.math.BigDecimal;
import java.util.UUID;

/** One stock position an order needs more of than is free: needed, and available (on hand minus reserved). */
public record StockShortage(UUID warehouseItemId, String name, String unit, BigDecimal needed, BigDecimal available) {
}
