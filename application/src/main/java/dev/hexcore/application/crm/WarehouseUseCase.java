package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.identity.Actor;
import java.math.BigDecimal;
import java.util.UUID;

/** A shop's stock positions. Quantities on hand change only through supplies and orders after creation. */
public interface WarehouseUseCase {
    /** On update, {@code quantity} is ignored: stock moves through supplies and orders. */
    record WarehouseItemCommand(String name, String unit, BigDecimal quantity, BigDecimal unitCost, BigDecimal minQuantity) {
    }

    WarehouseItem create(Actor actor, UUID shopId, WarehouseItemCommand command);

    WarehouseItem get(Actor actor, UUID shopId, UUID id);

    Slice<WarehouseItem> list(Actor actor, UUID shopId, ListQuery query);

    Slice<WarehouseItem> lowStock(Actor actor, UUID shopId, ListQuery query);

    WarehouseItem update(Actor actor, UUID shopId, UUID id, WarehouseItemCommand command);
}
