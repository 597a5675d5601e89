package dev.hexcore.adapters.persistence.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.Delivery;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Order;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.crm.OrderHistoryEntry;
import dev.hexcore.domain.crm.OrderItem;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.crm.OrderStatus;
import dev.hexcore.domain.crm.OrderSummary;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.shared.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link OrderRepository} on {@code crm_orders}, {@code crm_order_items} and {@code crm_order_history} (V12). An order
 * with its items, customer and history is one statement: items and history come aggregated as JSON in the order's
 * row (no N+1, one round trip). Lists read one row per order, joined to its customer.
 */
@ApplicationScoped
public class PostgresOrderRepository implements OrderRepository {
    /**
     * The searchable text of an order: its number, the customer's name and phone (parameters: name, phone), folded to
     * lower case when written, so that a search is a {@code LIKE} of the folded pattern: {@code ILIKE} folds every row's
     * Cyrillic text again on each search, three times the cost of the search's count over a shop's orders.
     */
    static final String SEARCH_TEXT = "lower(number::text || ' ' || ? || ' ' || ?)";
    private static final String ORDER_COLUMNS = """
            o.id, o.shop_id, o.number, o.customer_id, o.status, o.total, o.currency, o.delivery_address,
            o.delivery_date, o.delivery_time_from, o.delivery_time_to, o.recipient_name, o.recipient_phone, o.card_text,
            o.comment, o.created_at, o.updated_at,
            (select coalesce(json_agg(json_build_object('id', i.id, 'product_id', i.product_id,
                    'product_name', i.product_name, 'quantity', i.quantity, 'unit_price', i.unit_price::text)
                    order by i.position), '[]') from crm_order_items i where i.order_id = o.id) as items""";
    /** The customer's columns, prefixed so they do not clash with the order's. */
    private static final String CUSTOMER_COLUMNS = "c.id as c_id, c.shop_id as c_shop_id, c.name as c_name, "
            + "c.phone as c_phone, c.email as c_email, c.telegram_id as c_telegram_id, c.notes as c_notes, "
            + "c.created_at as c_created_at, c.updated_at as c_updated_at";
    private static final String HISTORY = """
            (select coalesce(json_agg(json_build_object('id', h.id, 'from', h.from_status, 'to', h.to_status,
                    'by', h.changed_by, 'by_name', u.username, 'comment', h.comment, 'at', h.changed_at)
                    order by h.changed_at, h.id), '[]')
               from crm_order_history h left join users u on u.id = h.changed_by where h.order_id = o.id) as history""";
    private static final String HISTORY_ROWS = """
            select h.id, h.order_id, h.from_status, h.to_status, h.changed_by, u.username, h.comment, h.changed_at
              from crm_orders o left join crm_order_history h on h.order_id = o.id
              left join users u on u.id = h.changed_by
             where o.shop_id = ? and o.id = ? order by h.changed_at, h.id""";

    private final Sql sql;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public PostgresOrderRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Takes the shop's counter row for the rest of the transaction: numbers follow commit order without gaps. */
    @Override
    public long nextNumber(UUID shopId) {
        return sql.one("update crm_shops set next_order_number = next_order_number + 1 where id = ?"
                + " returning next_order_number - 1", row -> row.getLong(1), shopId).orElseThrow();
    }

    @Override
    public void insert(Order o, OrderHistoryEntry placed) {
        Delivery d = o.delivery();
        sql.update("""
                insert into crm_orders (id, shop_id, number, customer_id, status, total, currency, delivery_address,
                       delivery_date, delivery_time_from, delivery_time_to, recipient_name, recipient_phone, card_text,
                       comment, search_text, created_at, updated_at)
                select ?, ?, ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, lower(?::text || ' ' || c.name || ' ' || c.phone), ?, ?
                  from crm_customers c where c.id = ?""", o.id(), o.shopId(), o.number(), o.status().wireName(),
                o.total().value(), o.total().currency(), d.address(), d.date(), d.timeFrom(), d.timeTo(),
                d.recipientName(), d.recipientPhone(), d.cardText(), o.comment(), Long.toString(o.number()),
                o.createdAt(), o.updatedAt(), o.customerId());
        List<Object[]> items = new ArrayList<>();
        int position = 0;
        for (OrderItem i : o.items()) {
            items.add(new Object[]{i.id(), o.id(), position++, i.productId(), i.productName(), i.quantity(), i.unitPrice().value()});
        }
        sql.batch("insert into crm_order_items (id, order_id, position, product_id, product_name, quantity, unit_price)"
                + " values (?, ?, ?, ?, ?, ?, ?)", items);
        insertHistory(placed);
    }

    @Override
    public Optional<Order> lockForUpdate(UUID shopId, UUID id) {
        return sql.one("select " + ORDER_COLUMNS + " from crm_orders o where o.shop_id = ? and o.id = ? for update of o",
                this::order, shopId, id);
    }

    @Override
    public void recordMove(Order order, OrderHistoryEntry entry) {
        sql.update("update crm_orders set status = ?, updated_at = ? where id = ?", order.status().wireName(),
                order.updatedAt(), order.id());
        insertHistory(entry);
    }

    private void insertHistory(OrderHistoryEntry e) {
        sql.update("insert into crm_order_history (id, order_id, from_status, to_status, changed_by, comment, changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", e.id(), e.orderId(),
                e.fromStatus() == null ? null : e.fromStatus().wireName(), e.toStatus().wireName(), e.changedBy(),
                e.comment(), e.changedAt());
    }

    @Override
    public Optional<UUID> shopOf(UUID orderId) {
        return sql.one("select shop_id from crm_orders where id = ?", row -> Sql.uuid(row, "shop_id"), orderId);
    }

    @Override
    public Optional<OrderDetails> details(UUID shopId, UUID id) {
        return sql.one("select " + ORDER_COLUMNS + ", " + HISTORY + ", " + CUSTOMER_COLUMNS
                + " from crm_orders o join crm_customers c on c.id = o.customer_id where o.shop_id = ? and o.id = ?",
                row -> new OrderDetails(order(row), new Customer(Sql.uuid(row, "c_id"), Sql.uuid(row, "c_shop_id"),
                        row.getString("c_name"), row.getString("c_phone"), row.getString("c_email"),
                        Sql.longOrNull(row, "c_telegram_id"), row.getString("c_notes"),
                        Jdbc.getInstant(row, "c_created_at"), Jdbc.getInstant(row, "c_updated_at")),
                        history(id, read(row.getString("history")))), shopId, id);
    }

    @Override
    public Optional<List<OrderHistoryEntry>> history(UUID shopId, UUID id) {
        List<OrderHistoryEntry> rows = sql.list(HISTORY_ROWS, row -> row.getObject("id") == null ? null
                : new OrderHistoryEntry(Sql.uuid(row, "id"), Sql.uuid(row, "order_id"), status(row.getString("from_status")),
                status(row.getString("to_status")), Sql.uuid(row, "changed_by"), row.getString("username"),
                row.getString("comment"), Jdbc.getInstant(row, "changed_at")), shopId, id);
        if (rows.isEmpty()) return Optional.empty();
        return Optional.of(rows.stream().filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public Slice<OrderSummary> list(UUID shopId, ListQuery query, OrderStatus status) {
        StringBuilder where = new StringBuilder(" where o.shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (status != null) {
            where.append(" and o.status = ?");
            params.add(status.wireName());
        }
        if (query.search() != null) {
            where.append(" and o.search_text like lower(?)");
            params.add(query.likePattern());
        }
        return sql.slice("select o.id, o.number, o.status, o.customer_id, c.name, c.phone, o.total, o.currency, "
                        + "o.delivery_date, o.created_at, o.updated_at, " + Sql.TOTAL
                        + " from crm_orders o join crm_customers c on c.id = o.customer_id" + where
                        + " order by o.created_at desc, o.id desc", "select count(*) from crm_orders o" + where, query,
                row -> new OrderSummary(Sql.uuid(row, "id"), row.getLong("number"), status(row.getString("status")),
                        Sql.uuid(row, "customer_id"), row.getString("name"), row.getString("phone"),
                        Sql.money(row, "total"), row.getObject("delivery_date", LocalDate.class),
                        Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at")),
                params.toArray());
    }

    private Order order(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        List<OrderItem> items = new ArrayList<>();
        for (JsonNode i : read(row.getString("items"))) {
            items.add(new OrderItem(UUID.fromString(i.get("id").asText()), UUID.fromString(i.get("product_id").asText()),
                    i.get("product_name").asText(), i.get("quantity").asInt(),
                    new Money(new BigDecimal(i.get("unit_price").asText()), currency)));
        }
        Delivery delivery = new Delivery(row.getString("delivery_address"), row.getObject("delivery_date", LocalDate.class),
                row.getObject("delivery_time_from", LocalTime.class), row.getObject("delivery_time_to", LocalTime.class),
                row.getString("recipient_name"), row.getString("recipient_phone"), row.getString("card_text"));
        return Order.restore(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), row.getLong("number"),
                Sql.uuid(row, "customer_id"), items, delivery, row.getString("comment"), Sql.money(row, "total"),
                status(row.getString("status")), Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"));
    }

    private static List<OrderHistoryEntry> history(UUID orderId, JsonNode entries) {
        List<OrderHistoryEntry> history = new ArrayList<>();
        for (JsonNode h : entries) {
            history.add(new OrderHistoryEntry(UUID.fromString(h.get("id").asText()), orderId, status(text(h, "from")),
                    status(text(h, "to")), text(h, "by") == null ? null : UUID.fromString(text(h, "by")),
                    text(h, "by_name"), text(h, "comment"), OffsetDateTime.parse(text(h, "at")).toInstant()));
        }
        return history;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static OrderStatus status(String wire) {
        return wire == null ? null : OrderStatus.parse("status", wire);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
