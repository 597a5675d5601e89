package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The calculator's answer for a product: each component's cost (unit cost × quantity), their sum, and the price the
 * shop's markup and rounding rule give: Σ cost × (1 + markup) rounded to the nearest 1, 10 or 50.
 */
public record PriceCalculation(List<Line> lines, Money cost, BigDecimal markupPercent, int priceRounding, Money price) {
    public record Line(UUID warehouseItemId, String name, String unit, BigDecimal quantity, Money unitCost, Money cost) {
    }

    public PriceCalculation {
        lines = List.copyOf(lines);
    }

    /** {@code items} must hold every component's warehouse item. */
    public static PriceCalculation of(Shop shop, List<ProductComponent> components, Map<UUID, WarehouseItem> items) {
        BigDecimal total = BigDecimal.ZERO;
        var lines = new java.util.ArrayList<Line>(components.size());
        for (ProductComponent component : components) {
            WarehouseItem item = items.get(component.warehouseItemId());
            BigDecimal lineCost = item.unitCost().value().multiply(component.quantity());
            total = total.add(lineCost);
            lines.add(new Line(item.id(), item.name(), item.unit(), component.quantity(), item.unitCost(),
                    shop.money(lineCost)));
        }
        return new PriceCalculation(lines, shop.money(total), shop.markupPercent(), shop.priceRounding(),
                shop.priceFor(total));
    }
}
