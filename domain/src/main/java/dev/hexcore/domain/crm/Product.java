package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A catalogue product: its selling price and what it is made of (each warehouse item at most once). */
public record Product(UUID id, UUID shopId, String name, String description, Money price, boolean active,
                      List<ProductComponent> components, Instant createdAt, Instant updatedAt) {
    public static final int MAX_COMPONENTS = 50;

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shopId");
        name = Texts.required("name", name, 200);
        description = Texts.optional("description", description, 4000);
        Objects.requireNonNull(price, "price");
        Quantities.amount("price", price.value());
        components = List.copyOf(components);
        if (components.size() > MAX_COMPONENTS) {
            throw new InvalidValueException("components", "at most " + MAX_COMPONENTS + " components");
        }
        var seen = new HashSet<UUID>();
        for (ProductComponent component : components) {
            if (!seen.add(component.warehouseItemId())) {
                throw new InvalidValueException("components", "each warehouse item may appear once");
            }
        }
    }
}
