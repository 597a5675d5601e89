package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.ProductionTask;
import dev.hexcore.domain.crm.ProductionTaskRepository;
import dev.hexcore.domain.crm.Slice;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link ProductionTaskRepository} on {@code crm_production_tasks} (V14), read with its order's number and item. */
@ApplicationScoped
public class PostgresProductionTaskRepository implements ProductionTaskRepository {
    private static final String SELECT = """
            select t.id, t.shop_id, t.order_id, o.number, t.order_item_id, i.product_name, i.quantity, t.florist_id,
                   t.status, t.created_at, t.started_at, t.completed_at
              from crm_production_tasks t join crm_orders o on o.id = t.order_id
              join crm_order_items i on i.id = t.order_item_id""";

    private final Sql sql;

    @Inject
    public PostgresProductionTaskRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void insertAll(List<ProductionTask> tasks) {
        List<Object[]> rows = new ArrayList<>();
        for (ProductionTask t : tasks) {
            rows.add(new Object[]{t.id(), t.shopId(), t.orderId(), t.orderItemId(), t.status().wireName(), t.createdAt()});
        }
        sql.batch("insert into crm_production_tasks (id, shop_id, order_id, order_item_id, status, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<ProductionTask> find(UUID shopId, UUID id) {
        return sql.one(SELECT + " where t.shop_id = ? and t.id = ?", PostgresProductionTaskRepository::task, shopId, id);
    }

    @Override
    public Optional<ProductionTask> lockForUpdate(UUID shopId, UUID id) {
        return sql.one(SELECT + " where t.shop_id = ? and t.id = ? for update of t", PostgresProductionTaskRepository::task,
                shopId, id);
    }

    @Override
    public void update(ProductionTask t) {
        sql.update("update crm_production_tasks set florist_id = ?, status = ?, started_at = ?, completed_at = ? where id = ?",
                t.floristId(), t.status().wireName(), t.startedAt(), t.completedAt(), t.id());
    }

    @Override
    public int countOpen(UUID orderId) {
        return sql.one("select count(*) from crm_production_tasks where order_id = ? and status in ('pending', 'in_progress')",
                row -> row.getInt(1), orderId).orElse(0);
    }

    @Override
    public void cancelOpen(UUID orderId) {
        sql.update("update crm_production_tasks set status = 'cancelled' where order_id = ? and status in ('pending', 'in_progress')",
                orderId);
    }

    @Override
    public Slice<ProductionTask> list(UUID shopId, ListQuery query, ProductionTask.Status status, UUID floristId,
                                      UUID orderId) {
        StringBuilder where = new StringBuilder(" where t.shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (status != null) {
            where.append(" and t.status = ?");
            params.add(status.wireName());
        }
        if (floristId != null) {
            where.append(" and t.florist_id = ?");
            params.add(floristId);
        }
        if (orderId != null) {
            where.append(" and t.order_id = ?");
            params.add(orderId);
        }
        if (query.search() != null) {
            where.append(" and i.product_name ilike ?");
            params.add(query.likePattern());
        }
        String from = " from crm_production_tasks t join crm_order_items i on i.id = t.order_item_id";
        return sql.slice(SELECT.replace("t.completed_at", "t.completed_at, " + Sql.TOTAL) + where
                        + " order by t.created_at, t.id", "select count(*)" + from + where, query,
                PostgresProductionTaskRepository::task, params.toArray());
    }

    static ProductionTask task(ResultSet row) throws SQLException {
        return ProductionTask.restore(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), Sql.uuid(row, "order_id"),
                row.getLong("number"), Sql.uuid(row, "order_item_id"), row.getString("product_name"),
                row.getInt("quantity"), Sql.uuid(row, "florist_id"),
                ProductionTask.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "started_at"), Jdbc.getInstant(row, "completed_at"));
    }
}
