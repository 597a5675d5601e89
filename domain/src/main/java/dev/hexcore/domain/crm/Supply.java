package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A delivery from a supplier: warehouse items with quantities and unit costs. It is {@code pending} until received,
 * which adds the stock exactly once.
 */
public record Supply(UUID id, UUID shopId, String supplier, String comment, Status status, List<Line> items,
                     Money total, Instant createdAt, Instant receivedAt, UUID receivedBy) {
    public static final int MAX_ITEMS = 200;

    public enum Status { PENDING, RECEIVED }

    public record Line(UUID warehouseItemId, BigDecimal quantity, Money unitCost) {
        public Line {
            Objects.requireNonNull(warehouseItemId, "items.warehouse_item_id");
            quantity = Quantities.positive("items.quantity", quantity);
            Quantities.amount("items.unit_cost", unitCost.value());
        }
    }

    public Supply {
        Objects.requireNonNull(id, "id");
        supplier = Texts.required("supplier", supplier, 200);
        comment = Texts.optional("comment", comment, 2000);
        items = List.copyOf(items);
        if (items.isEmpty()) throw new InvalidValueException("items", "a supply needs at least one item");
        if (items.size() > MAX_ITEMS) throw new InvalidValueException("items", "at most " + MAX_ITEMS + " items");
        var seen = new HashSet<UUID>();
        for (Line line : items) {
            if (!seen.add(line.warehouseItemId())) throw new InvalidValueException("items", "each warehouse item may appear once");
        }
    }

    public static Supply create(UUID id, UUID shopId, String supplier, String comment, List<Line> items, String currency,
                                Instant now) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : items) total = total.add(line.unitCost().value().multiply(line.quantity()));
        return new Supply(id, shopId, supplier, comment, Status.PENDING, items, new Money(total, currency), now, null, null);
    }
}
