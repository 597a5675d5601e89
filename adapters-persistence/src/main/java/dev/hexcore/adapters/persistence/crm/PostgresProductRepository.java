package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Product;
import dev.hexcore.domain.crm.ProductComponent;
import dev.hexcore.domain.crm.ProductRepository;
import dev.hexcore.domain.crm.Slice;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ProductRepository} on {@code crm_products} and {@code crm_product_components} (V11). A product comes with its
 * components in the same row: they are aggregated into two arrays, so a list is one query however many products.
 */
@ApplicationScoped
public class PostgresProductRepository implements ProductRepository {
    private static final String SELECT = """
            select p.id, p.shop_id, p.name, p.description, p.price, p.currency, p.active, p.image_urls, p.created_at, p.updated_at,
                   array(select c.warehouse_item_id from crm_product_components c where c.product_id = p.id
                          order by c.warehouse_item_id) as component_items,
                   array(select c.quantity from crm_product_components c where c.product_id = p.id
                          order by c.warehouse_item_id) as component_quantities""";
    private static final List<Sql.Conflict> ORDERED = List.of(new Sql.Conflict("crm_order_items_product_id_fkey",
            "PRODUCT_ORDERED", "The product was ordered and cannot be deleted; mark it inactive instead"));

    private final Sql sql;

    @Inject
    public PostgresProductRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void insert(Product p) {
        sql.update("insert into crm_products (id, shop_id, name, description, price, currency, active, image_urls,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.shopId(), p.name(),
                p.description(), p.price().value(), p.price().currency(), p.active(), Sql.texts(p.imageUrls()),
                p.createdAt(), p.updatedAt());
        insertComponents(p);
    }

    @Override
    public void update(Product p) {
        sql.update("update crm_products set name = ?, description = ?, price = ?, active = ?, image_urls = ?,"
                        + " updated_at = ? where shop_id = ? and id = ?", p.name(), p.description(), p.price().value(),
                p.active(), Sql.texts(p.imageUrls()), p.updatedAt(), p.shopId(), p.id());
        sql.update("delete from crm_product_components where product_id = ?", p.id());
        insertComponents(p);
    }

    private void insertComponents(Product p) {
        List<Object[]> rows = new ArrayList<>();
        for (ProductComponent c : p.components()) rows.add(new Object[]{p.id(), c.warehouseItemId(), c.quantity()});
        sql.batch("insert into crm_product_components (product_id, warehouse_item_id, quantity) values (?, ?, ?)", rows);
    }

    @Override
    public boolean delete(UUID shopId, UUID id) {
        return sql.update("delete from crm_products where shop_id = ? and id = ?", ORDERED, shopId, id) == 1;
    }

    @Override
    public Optional<Product> find(UUID shopId, UUID id) {
        return sql.one(SELECT + " from crm_products p where p.shop_id = ? and p.id = ?", PostgresProductRepository::product,
                shopId, id);
    }

    @Override
    public List<Product> findAll(UUID shopId, Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return sql.list(SELECT + " from crm_products p where p.shop_id = ? and p.id = any (?)",
                PostgresProductRepository::product, shopId, Sql.uuids(ids));
    }

    @Override
    public Slice<Product> list(UUID shopId, ListQuery query) {
        String where = " where p.shop_id = ?" + (query.search() == null ? "" : " and (p.name ilike ? or p.description ilike ?)");
        Object[] params = query.search() == null ? new Object[]{shopId}
                : new Object[]{shopId, query.likePattern(), query.likePattern()};
        return sql.slice(SELECT + ", " + Sql.TOTAL + " from crm_products p" + where + " order by p.name, p.id",
                "select count(*) from crm_products p" + where, query, PostgresProductRepository::product, params);
    }

    static Product product(ResultSet row) throws SQLException {
        UUID[] items = (UUID[]) row.getArray("component_items").getArray();
        BigDecimal[] quantities = (BigDecimal[]) row.getArray("component_quantities").getArray();
        List<ProductComponent> components = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) components.add(new ProductComponent(items[i], quantities[i]));
        return new Product(Sql.uuid(row, "id"), Sql.uuid(row, "shop_id"), row.getString("name"),
                row.getString("description"), Sql.money(row, "price"), row.getBoolean("active"), components,
                List.of((String[]) row.getArray("image_urls").getArray()), Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"));
    }
}
