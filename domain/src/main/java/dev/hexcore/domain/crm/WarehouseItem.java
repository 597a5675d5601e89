package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stock position of a shop: what is on hand, how much of it confirmed orders hold ({@code reserved}, never more than
 * on hand), what one unit cost (the weighted average of the supplies received) and the level under which it counts
 * as low. Stock only changes through the repository's conditional updates (reserve, consume, release, receive), so
 * this record is a snapshot, not something to change and save.
 */
public record WarehouseItem(UUID id, UUID shopId, String name, String unit, BigDecimal quantity, BigDecimal reserved,
                            Money unitCost, BigDecimal minQuantity, Instant createdAt, Instant updatedAt) {
    public WarehouseItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shopId");
        name = Texts.required("name", name, 200);
        unit = Texts.required("unit", unit, 20);
        quantity = Quantities.nonNegative("quantity", quantity);
        reserved = reserved == null ? BigDecimal.ZERO : reserved;
        Quantities.amount("unit_cost", unitCost.value());
        minQuantity = Quantities.nonNegative("min_quantity", minQuantity == null ? BigDecimal.ZERO : minQuantity);
    }

    public BigDecimal available() {
        return quantity.subtract(reserved);
    }

    public boolean isLow() {
        return available().compareTo(minQuantity) <= 0;
    }
}
