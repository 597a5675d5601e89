package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.crm.WarehouseRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A shop's stock positions: its staff read them, its managers (and admins) change them. */
public final class WarehouseService implements WarehouseUseCase {
    private final ShopAccess access;
    private final WarehouseRepository warehouse;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public WarehouseService(ShopAccess access, WarehouseRepository warehouse, UnitOfWork uow, Clock clock,
                            IdGenerator ids) {
        this.access = access;
        this.warehouse = warehouse;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public WarehouseItem create(Actor actor, UUID shopId, WarehouseItemCommand c) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        Instant now = clock.instant();
        WarehouseItem item = new WarehouseItem(ids.next(), shop.id(), c.name(), c.unit(),
                c.quantity() == null ? BigDecimal.ZERO : c.quantity(), BigDecimal.ZERO,
                shop.price("unit_cost", c.unitCost() == null ? BigDecimal.ZERO : c.unitCost()), c.minQuantity(), now, now);
        uow.run(() -> warehouse.insert(item));
        return item;
    }

    @Override
    public WarehouseItem update(Actor actor, UUID shopId, UUID id, WarehouseItemCommand c) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        return uow.inTransaction(() -> {
            WarehouseItem cur = warehouse.find(shop.id(), id).orElseThrow(() -> new NotFoundException("Warehouse item"));
            WarehouseItem changed = new WarehouseItem(cur.id(), cur.shopId(), c.name(), c.unit(), cur.quantity(),
                    cur.reserved(), c.unitCost() == null ? cur.unitCost() : shop.price("unit_cost", c.unitCost()),
                    c.minQuantity() == null ? cur.minQuantity() : c.minQuantity(), cur.createdAt(), clock.instant());
            warehouse.updateDetails(changed);
            return changed;
        });
    }

    @Override
    public WarehouseItem get(Actor actor, UUID shopId, UUID id) {
        return warehouse.find(access.staffOf(actor, shopId), id).orElseThrow(() -> new NotFoundException("Warehouse item"));
    }

    @Override
    public Slice<WarehouseItem> list(Actor actor, UUID shopId, ListQuery query) {
        return warehouse.list(access.staffOf(actor, shopId), query);
    }

    @Override
    public Slice<WarehouseItem> lowStock(Actor actor, UUID shopId, ListQuery query) {
        return warehouse.lowStock(access.staffOf(actor, shopId), query);
    }

    /** The warehouse items {@code ids} name, all of which must belong to the shop (422 otherwise). */
    static Map<UUID, WarehouseItem> requireItems(WarehouseRepository warehouse, UUID shopId, Collection<UUID> ids) {
        Map<UUID, WarehouseItem> found = warehouse.findAll(shopId, ids).stream()
                .collect(Collectors.toMap(WarehouseItem::id, Function.identity()));
        for (UUID id : ids) {
            if (!found.containsKey(id)) throw new InvalidValueException("warehouse_item_id", "no warehouse item " + id + " in this shop");
        }
        return found;
    }
}
