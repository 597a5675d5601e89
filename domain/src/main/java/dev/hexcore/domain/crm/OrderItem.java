package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A product in an order, with its name and unit price as they were when the order was placed (a snapshot). */
public record OrderItem(UUID id, UUID productId, String productName, int quantity, Money unitPrice) {
    public static final int MAX_QUANTITY = 1000;

    public OrderItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "product_id");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidValueException("items.quantity", "must be between 1 and " + MAX_QUANTITY);
        }
    }

    public Money total() {
        return new Money(unitPrice.value().multiply(BigDecimal.valueOf(quantity)), unitPrice.currency());
    }
}
