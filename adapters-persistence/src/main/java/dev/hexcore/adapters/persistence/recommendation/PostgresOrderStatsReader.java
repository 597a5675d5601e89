package dev.hexcore.adapters.persistence.recommendation;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.recommendation.OrderScope;
import dev.hexcore.domain.recommendation.OrderStats;
import dev.hexcore.domain.recommendation.OrderStats.ProductCount;
import dev.hexcore.domain.recommendation.OrderStatsReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link OrderStatsReader} in one statement per call (read path, ADR 0015): the scope's orders in the window are a
 * CTE, and totals, the top five products, days and hours are aggregates over it, answered in one row. Days and hours
 * are in UTC; cancelled orders do not count. Served by {@code V50__recommendation_indexes.sql}.
 */
@ApplicationScoped
public class PostgresOrderStatsReader implements OrderStatsReader {
    private static final String STATS = """
            with scoped as (
                select o.id, o.total, o.currency, o.created_at
                from crm_customers c join crm_orders o on o.customer_id = c.id
                where c.telegram_id = ? %s and o.created_at >= ? and o.status <> 'cancelled'
            ), top_products as (
                select i.product_name as name, sum(i.quantity) as pieces
                from crm_order_items i join scoped s on s.id = i.order_id
                group by i.product_name order by pieces desc, name limit 5
            ), top_days as (
                select extract(isodow from created_at at time zone 'UTC')::int as day, count(*) as n
                from scoped group by 1 order by n desc, day limit 3
            ), top_hours as (
                select extract(hour from created_at at time zone 'UTC')::int as hour, count(*) as n
                from scoped group by 1 order by n desc, hour limit 3
            )
            select (select count(*) from scoped) as orders_count,
                   (select coalesce(sum(total), 0) from scoped) as total_spent,
                   (select coalesce(round(avg(total), 2), 0) from scoped) as average_order_value,
                   (select currency from scoped order by created_at desc limit 1) as currency,
                   (select max(created_at) from scoped) as last_order_at,
                   array(select name from top_products order by pieces desc, name) as product_names,
                   array(select pieces from top_products order by pieces desc, name) as product_pieces,
                   array(select day from top_days order by n desc, day) as days,
                   array(select hour from top_hours order by n desc, hour) as hours""";
    private static final String EVERY_SHOP = STATS.formatted("");
    private static final String ONE_SHOP = STATS.formatted("and c.shop_id = ?");
    private static final String ELIGIBLE = """
            select c.telegram_id
            from crm_customers c join crm_orders o on o.customer_id = c.id
            where c.telegram_id is not null and o.created_at >= ? and o.status <> 'cancelled'
            group by c.telegram_id having count(*) >= ? order by c.telegram_id""";

    private final AgroalDataSource dataSource;

    @Inject
    public PostgresOrderStatsReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public OrderStats stats(OrderScope scope, java.time.Instant since) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(scope.shop().isPresent() ? ONE_SHOP : EVERY_SHOP)) {
                int i = 1;
                select.setLong(i++, scope.telegramId());
                if (scope.shop().isPresent()) select.setObject(i++, scope.shopId());
                Jdbc.setInstant(select, i, since);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return stats(row);
                }
            }
        });
    }

    @Override
    public List<Long> telegramIdsWithOrders(java.time.Instant since, int minimum) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(ELIGIBLE)) {
                Jdbc.setInstant(select, 1, since);
                select.setInt(2, minimum);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) ids.add(rows.getLong(1));
                }
                return ids;
            }
        });
    }

    private static OrderStats stats(ResultSet row) throws SQLException {
        String[] names = (String[]) array(row, "product_names");
        Long[] pieces = (Long[]) array(row, "product_pieces");
        List<ProductCount> products = new ArrayList<>();
        for (int i = 0; i < names.length; i++) products.add(new ProductCount(names[i], pieces[i]));
        List<String> days = new ArrayList<>();
        for (Integer day : (Integer[]) array(row, "days")) days.add(DayOfWeek.of(day).name().toLowerCase(Locale.ROOT));
        BigDecimal total = row.getBigDecimal("total_spent").setScale(2);
        BigDecimal average = row.getBigDecimal("average_order_value").setScale(2);
        return new OrderStats(row.getInt("orders_count"), total, average, row.getString("currency"), products, days,
                List.of((Integer[]) array(row, "hours")), Jdbc.getInstant(row, "last_order_at"));
    }

    private static Object array(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
