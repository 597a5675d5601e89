package dev.hexcore.domain.crm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A product is made of warehouse items: this much of one item (seed 004: ProductComponent, for the calculator). */
public record ProductComponent(UUID warehouseItemId, BigDecimal quantity) {
    public ProductComponent {
        Objects.requireNonNull(warehouseItemId, "warehouse_item_id");
        quantity = Quantities.positive("components.quantity", quantity);
    }
}
