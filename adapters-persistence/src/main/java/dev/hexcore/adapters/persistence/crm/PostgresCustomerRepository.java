package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.CustomerRepository;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link CustomerRepository} on {@code crm_customers} (V10). A rename or new phone is copied into the search text of
 * the customer's orders in the same transaction, so the order search (one trigram index) stays right.
 */
@ApplicationScoped
public class PostgresCustomerRepository implements CustomerRepository {
    static final String COLUMNS = "id, shop_id, name, phone, email, telegram_id, notes, created_at, updated_at";
    private static final List<Sql.Conflict> UNIQUE = List.of(
            new Sql.Conflict("uq_crm_customers_phone", "CUSTOMER_PHONE_TAKEN", "The shop already has a customer with this phone"),
            new Sql.Conflict("uq_crm_customers_telegram", "CUSTOMER_TELEGRAM_TAKEN",
                    "The shop already has a customer with this telegram_id"));
    private static final List<Sql.Conflict> REFERENCED = List.of(new Sql.Conflict("crm_orders_customer_id_fkey",
            "CUSTOMER_HAS_ORDERS", "The customer has orders and cannot be deleted"));

    private final Sql sql;

    @Inject
    public PostgresCustomerRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void insert(Customer c) {
        sql.update("insert into crm_customers (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UNIQUE, c.id(),
                c.shopId(), c.name(), c.phone(), c.email(), c.telegramId(), c.notes(), c.createdAt(), c.updatedAt());
    }

    @Override
    public void update(Customer c) {
        sql.update("""
                update crm_customers set name = ?, phone = ?, email = ?, telegram_id = ?, notes = ?, updated_at = ?
                 where shop_id = ? and id = ?""", UNIQUE, c.name(), c.phone(), c.email(), c.telegramId(), c.notes(),
                c.updatedAt(), c.shopId(), c.id());
        sql.update("update crm_orders set search_text = " + PostgresOrderRepository.SEARCH_TEXT + " where customer_id = ?",
                c.name(), c.phone(), c.id());
    }

    @Override
    public boolean delete(UUID shopId, UUID id) {
        return sql.update("delete from crm_customers where shop_id = ? and id = ?", REFERENCED, shopId, id) == 1;
    }

    @Override
    public Optional<Customer> find(UUID shopId, UUID id) {
        return sql.one("select " + COLUMNS + " from crm_customers where shop_id = ? and id = ?",
                PostgresCustomerRepository::customer, shopId, id);
    }

    @Override
    public Slice<Customer> list(UUID shopId, ListQuery query) {
        String where = " where shop_id = ?" + (query.search() == null ? "" : " and (name ilike ? or phone ilike ?)");
        Object[] params = query.search() == null ? new Object[]{shopId}
                : new Object[]{shopId, query.likePattern(), query.likePattern()};
        return sql.slice("select " + COLUMNS + ", " + Sql.TOTAL + " from crm_customers" + where
                        + " order by created_at desc, id desc", "select count(*) from crm_customers" + where, query,
                PostgresCustomerRepository::customer, params);
    }

    static Customer customer(ResultSet row) throws SQLException {
        return new Customer(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), row.getString("name"), row.getString("phone"),
                row.getString("email"), Sql.longOrNull(row, "telegram_id"), row.getString("notes"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"));
    }
}
