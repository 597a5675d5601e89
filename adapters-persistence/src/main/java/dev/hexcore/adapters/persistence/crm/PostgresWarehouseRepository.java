package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StockShortage;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.crm.WarehouseRepository;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link WarehouseRepository} on {@code crm_warehouse_items} and {@code crm_stock_reservations} (V11, V12). Every
 * stock operation first locks the rows it changes with {@code select ... order by id for update}: one lock order for
 * all of them, so concurrent reservations, deliveries, cancellations and receipts wait for each other instead of
 * deadlocking, and a reservation decides on quantities no one else can change until it commits. The table's checks
 * ({@code 0 <= reserved <= quantity}) are the last guard.
 */
@ApplicationScoped
public class PostgresWarehouseRepository implements WarehouseRepository {
    static final String COLUMNS = "id, shop_id, name, unit, quantity, reserved, unit_cost, currency, min_quantity, "
            + "created_at, updated_at";
    private static final String LOCK = "select id, name, unit, quantity - reserved as available from crm_warehouse_items"
            + " where shop_id = ? and id = any (?) order by id for update";
    private static final String LOCK_RESERVED = "select w.id from crm_warehouse_items w where w.shop_id = ? and w.id in"
            + " (select warehouse_item_id from crm_stock_reservations where order_id = ?) order by w.id for update";

    private final Sql sql;
    private final Clock clock;

    @Inject
    public PostgresWarehouseRepository(AgroalDataSource dataSource, Clock clock) {
        this.sql = new Sql(dataSource);
        this.clock = clock;
    }

    @Override
    public void insert(WarehouseItem i) {
        sql.update("insert into crm_warehouse_items (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.id(),
                i.shopId(), i.name(), i.unit(), i.quantity(), i.reserved(), i.unitCost().value(), i.unitCost().currency(),
                i.minQuantity(), i.createdAt(), i.updatedAt());
    }

    @Override
    public void updateDetails(WarehouseItem i) {
        sql.update("update crm_warehouse_items set name = ?, unit = ?, unit_cost = ?, min_quantity = ?, updated_at = ?"
                + " where shop_id = ? and id = ?", i.name(), i.unit(), i.unitCost().value(), i.minQuantity(),
                i.updatedAt(), i.shopId(), i.id());
    }

    @Override
    public Optional<WarehouseItem> find(UUID shopId, UUID id) {
        return sql.one("select " + COLUMNS + " from crm_warehouse_items where shop_id = ? and id = ?",
                PostgresWarehouseRepository::item, shopId, id);
    }

    @Override
    public List<WarehouseItem> findAll(UUID shopId, Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return sql.list("select " + COLUMNS + " from crm_warehouse_items where shop_id = ? and id = any (?)",
                PostgresWarehouseRepository::item, shopId, Sql.uuids(ids));
    }

    @Override
    public Slice<WarehouseItem> list(UUID shopId, ListQuery query) {
        return slice(shopId, query, "");
    }

    @Override
    public Slice<WarehouseItem> lowStock(UUID shopId, ListQuery query) {
        return slice(shopId, query, " and quantity - reserved <= min_quantity");
    }

    private Slice<WarehouseItem> slice(UUID shopId, ListQuery query, String condition) {
        String where = " where shop_id = ?" + condition + (query.search() == null ? "" : " and name ilike ?");
        Object[] params = query.search() == null ? new Object[]{shopId} : new Object[]{shopId, query.likePattern()};
        return sql.slice("select " + COLUMNS + ", " + Sql.TOTAL + " from crm_warehouse_items" + where
                        + " order by name, id", "select count(*) from crm_warehouse_items" + where, query,
                PostgresWarehouseRepository::item, params);
    }

    @Override
    public List<StockShortage> reserve(UUID shopId, UUID orderId, Map<UUID, BigDecimal> needs) {
        if (needs.isEmpty()) return List.of();
        List<StockShortage> shortages = new ArrayList<>();
        sql.list(LOCK, row -> {
            BigDecimal needed = needs.get(Sql.uuid(row, "id"));
            BigDecimal available = row.getBigDecimal("available");
            if (available.compareTo(needed) < 0) {
                shortages.add(new StockShortage(Sql.uuid(row, "id"), row.getString("name"), row.getString("unit"),
                        needed, available));
            }
            return null;
        }, shopId, Sql.uuids(needs.keySet()));
        if (!shortages.isEmpty()) return shortages;
        var now = clock.instant();
        List<Object[]> reserve = new ArrayList<>();
        List<Object[]> record = new ArrayList<>();
        needs.forEach((itemId, quantity) -> {
            reserve.add(new Object[]{quantity, now, shopId, itemId});
            record.add(new Object[]{orderId, itemId, quantity});
        });
        sql.batch("update crm_warehouse_items set reserved = reserved + ?, updated_at = ? where shop_id = ? and id = ?", reserve);
        sql.batch("insert into crm_stock_reservations (order_id, warehouse_item_id, quantity) values (?, ?, ?)", record);
        return List.of();
    }

    @Override
    public void consume(UUID shopId, UUID orderId) {
        settle(shopId, orderId, "quantity = w.quantity - r.quantity, reserved = w.reserved - r.quantity");
    }

    @Override
    public void release(UUID shopId, UUID orderId) {
        settle(shopId, orderId, "reserved = w.reserved - r.quantity");
    }

    private void settle(UUID shopId, UUID orderId, String change) {
        sql.list(LOCK_RESERVED, row -> null, shopId, orderId);
        sql.update("update crm_warehouse_items w set " + change + ", updated_at = ? from crm_stock_reservations r"
                + " where r.order_id = ? and r.warehouse_item_id = w.id and w.shop_id = ?", clock.instant(), orderId, shopId);
        sql.update("delete from crm_stock_reservations where order_id = ?", orderId);
    }

    /** Weighted average: (on hand × old cost + received × its cost) / (on hand + received), to the kopeck. */
    @Override
    public void receive(UUID shopId, UUID itemId, BigDecimal quantity, BigDecimal unitCost) {
        sql.update("""
                update crm_warehouse_items
                   set unit_cost = round((quantity * unit_cost + ? * ?) / (quantity + ?), 2),
                       quantity = quantity + ?, updated_at = ?
                 where shop_id = ? and id = ?""", quantity, unitCost, quantity, quantity, clock.instant(), shopId, itemId);
    }

    static WarehouseItem item(ResultSet row) throws SQLException {
        return new WarehouseItem(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), row.getString("name"),
                row.getString("unit"), row.getBigDecimal("quantity"), row.getBigDecimal("reserved"),
                Sql.money(row, "unit_cost"), row.getBigDecimal("min_quantity"), Jdbc.getInstant(row, "created_at"),
                Jdbc.getInstant(row, "updated_at"));
    }
}
