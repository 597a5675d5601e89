package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.Supply;
import dev.hexcore.domain.crm.SupplyRepository;
import dev.hexcore.domain.shared.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link SupplyRepository} on {@code crm_supplies} and {@code crm_supply_items} (V13); lines come as arrays in the row. */
@ApplicationScoped
public class PostgresSupplyRepository implements SupplyRepository {
    private static final String SELECT = """
            select s.id, s.shop_id, s.supplier, s.comment, s.status, s.total, s.currency, s.created_at, s.received_at,
                   s.received_by,
                   array(select i.warehouse_item_id from crm_supply_items i where i.supply_id = s.id order by i.position) as line_items,
                   array(select i.quantity from crm_supply_items i where i.supply_id = s.id order by i.position) as line_quantities,
                   array(select i.unit_cost from crm_supply_items i where i.supply_id = s.id order by i.position) as line_costs""";

    private final Sql sql;

    @Inject
    public PostgresSupplyRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void insert(Supply s) {
        sql.update("insert into crm_supplies (id, shop_id, supplier, comment, status, total, currency, created_at)"
                        + " values (?, ?, ?, ?, 'pending', ?, ?, ?)", s.id(), s.shopId(), s.supplier(), s.comment(),
                s.total().value(), s.total().currency(), s.createdAt());
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (Supply.Line line : s.items()) {
            rows.add(new Object[]{s.id(), position++, line.warehouseItemId(), line.quantity(), line.unitCost().value()});
        }
        sql.batch("insert into crm_supply_items (supply_id, position, warehouse_item_id, quantity, unit_cost)"
                + " values (?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<Supply> find(UUID shopId, UUID id) {
        return sql.one(SELECT + " from crm_supplies s where s.shop_id = ? and s.id = ?", PostgresSupplyRepository::supply,
                shopId, id);
    }

    @Override
    public Slice<Supply> list(UUID shopId, ListQuery query) {
        String where = " where s.shop_id = ?" + (query.search() == null ? "" : " and s.supplier ilike ?");
        Object[] params = query.search() == null ? new Object[]{shopId} : new Object[]{shopId, query.likePattern()};
        return sql.slice(SELECT + ", " + Sql.TOTAL + " from crm_supplies s" + where
                        + " order by s.created_at desc, s.id desc", "select count(*) from crm_supplies s" + where, query,
                PostgresSupplyRepository::supply, params);
    }

    @Override
    public boolean markReceived(UUID shopId, UUID id, UUID by, Instant now) {
        return sql.update("update crm_supplies set status = 'received', received_at = ?, received_by = ?"
                + " where shop_id = ? and id = ? and status = 'pending'", now, by, shopId, id) == 1;
    }

    static Supply supply(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        UUID[] items = (UUID[]) row.getArray("line_items").getArray();
        BigDecimal[] quantities = (BigDecimal[]) row.getArray("line_quantities").getArray();
        BigDecimal[] costs = (BigDecimal[]) row.getArray("line_costs").getArray();
        List<Supply.Line> lines = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) lines.add(new Supply.Line(items[i], quantities[i], new Money(costs[i], currency)));
        return new Supply(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), row.getString("supplier"), row.getString("comment"),
                Supply.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), lines, Sql.money(row, "total"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "received_at"), Sql.uuid(row, "received_by"));
    }
}
