package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.PriceCalculation;
import dev.hexcore.domain.crm.Product;
import dev.hexcore.domain.crm.ProductComponent;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.identity.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The catalogue and its price calculator. */
public interface ProductsUseCase {
    record ProductCommand(String name, String description, BigDecimal price, Boolean active,
                          List<ProductComponent> components, List<String> imageUrls) {
    }

    Product create(Actor actor, UUID shopId, ProductCommand command);

    Product get(Actor actor, UUID shopId, UUID id);

    Slice<Product> list(Actor actor, UUID shopId, ListQuery query);

    Product update(Actor actor, UUID shopId, UUID id, ProductCommand command);

    void delete(Actor actor, UUID shopId, UUID id);

    /** The product's components at today's unit costs, and the price the shop's markup and rounding give. */
    PriceCalculation calculate(Actor actor, UUID shopId, UUID id);
}
