package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.Supply;
import dev.hexcore.domain.crm.SupplyRepository;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.crm.WarehouseRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Supplies: managers (and admins) record and receive them; a supply is received once. */
public final class SupplyService implements SuppliesUseCase {
    private final ShopAccess access;
    private final SupplyRepository supplies;
    private final WarehouseRepository warehouse;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public SupplyService(ShopAccess access, SupplyRepository supplies, WarehouseRepository warehouse, UnitOfWork uow,
                         Clock clock, IdGenerator ids) {
        this.access = access;
        this.supplies = supplies;
        this.warehouse = warehouse;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Supply create(Actor actor, UUID shopId, SupplyCommand c) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        List<Supply.Line> lines = c.items() == null ? List.of() : c.items().stream()
                .map(l -> new Supply.Line(l.warehouseItemId(), l.quantity(), shop.price("items.unit_cost", l.unitCost())))
                .toList();
        Supply supply = Supply.create(ids.next(), shop.id(), c.supplier(), c.comment(), lines, shop.currency(), clock.instant());
        uow.run(() -> {
            requireItems(shop.id(), lines.stream().map(Supply.Line::warehouseItemId).toList());
            supplies.insert(supply);
        });
        return supply;
    }

    @Override
    public Supply get(Actor actor, UUID shopId, UUID id) {
        return supplies.find(access.staffOf(actor, shopId), id).orElseThrow(() -> new NotFoundException("Supply"));
    }

    @Override
    public Slice<Supply> list(Actor actor, UUID shopId, ListQuery query) {
        return supplies.list(access.staffOf(actor, shopId), query);
    }

    /** The conditional update makes the receive happen once; the stock changes in the same transaction. */
    @Override
    public Supply receive(Actor actor, UUID shopId, UUID id) {
        ShopAccess.InShop in = access.resolve(actor, shopId);
        in.requireManager();
        return uow.inTransaction(() -> {
            Supply supply = supplies.find(in.shopId(), id).orElseThrow(() -> new NotFoundException("Supply"));
            if (!supplies.markReceived(in.shopId(), id, actor.id(), clock.instant())) {
                throw new ConflictException("SUPPLY_ALREADY_RECEIVED", "The supply was already received");
            }
            for (Supply.Line line : supply.items()) {
                warehouse.receive(in.shopId(), line.warehouseItemId(), line.quantity(), line.unitCost().value());
            }
            return supplies.find(in.shopId(), id).orElseThrow();
        });
    }

    private Map<UUID, WarehouseItem> requireItems(UUID shopId, Collection<UUID> ids) {
        return WarehouseService.requireItems(warehouse, shopId, ids);
    }
}
