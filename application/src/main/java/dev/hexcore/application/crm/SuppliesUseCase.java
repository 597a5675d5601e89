package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.Supply;
import dev.hexcore.domain.identity.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Supplies: recorded, then received once, which adds the stock and averages the unit costs. */
public interface SuppliesUseCase {
    record SupplyLine(UUID warehouseItemId, BigDecimal quantity, BigDecimal unitCost) {
    }

    record SupplyCommand(String supplier, String comment, List<SupplyLine> items) {
    }

    Supply create(Actor actor, UUID shopId, SupplyCommand command);

    Supply get(Actor actor, UUID shopId, UUID id);

    Slice<Supply> list(Actor actor, UUID shopId, ListQuery query);

    /** A second receive is a conflict ({@code SUPPLY_ALREADY_RECEIVED}). */
    Supply receive(Actor actor, UUID shopId, UUID id);
}
