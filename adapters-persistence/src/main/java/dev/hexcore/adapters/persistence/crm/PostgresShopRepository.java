package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StaffMember;
import dev.hexcore.domain.identity.Role;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link ShopRepository} on the tables {@code crm_shops} and {@code crm_staff} (V10). */
@ApplicationScoped
public class PostgresShopRepository implements ShopRepository {
    private static final String COLUMNS = "id, name, address, phone, currency, markup_percent, price_rounding, created_at";

    private final Sql sql;

    @Inject
    public PostgresShopRepository(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void insert(Shop shop) {
        sql.update("insert into crm_shops (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", shop.id(), shop.name(),
                shop.address(), shop.phone(), shop.currency(), shop.markupPercent(), shop.priceRounding(), shop.createdAt());
    }

    @Override
    public void update(Shop shop) {
        sql.update("update crm_shops set name = ?, address = ?, phone = ?, markup_percent = ?, price_rounding = ? where id = ?",
                shop.name(), shop.address(), shop.phone(), shop.markupPercent(), shop.priceRounding(), shop.id());
    }

    @Override
    public Optional<Shop> find(UUID id) {
        return sql.one("select " + COLUMNS + " from crm_shops where id = ?", PostgresShopRepository::shop, id);
    }

    @Override
    public Slice<Shop> list(ListQuery query) {
        String where = query.search() == null ? "" : " where name ilike ?";
        Object[] params = query.search() == null ? new Object[0] : new Object[]{query.likePattern()};
        return sql.slice("select " + COLUMNS + ", " + Sql.TOTAL + " from crm_shops" + where
                + " order by name, id", "select count(*) from crm_shops" + where, query, PostgresShopRepository::shop, params);
    }

    @Override
    public Optional<UUID> shopOf(UUID userId) {
        return sql.one("select shop_id from crm_staff where user_id = ?", row -> Sql.uuid(row, "shop_id"), userId);
    }

    @Override
    public boolean addStaff(UUID shopId, UUID userId, Instant now) {
        return sql.update("insert into crm_staff (user_id, shop_id, added_at) values (?, ?, ?) on conflict (user_id) do nothing",
                userId, shopId, now) == 1;
    }

    @Override
    public boolean removeStaff(UUID shopId, UUID userId) {
        return sql.update("delete from crm_staff where shop_id = ? and user_id = ?", shopId, userId) == 1;
    }

    @Override
    public List<StaffMember> staff(UUID shopId) {
        return sql.list("""
                select s.user_id, s.shop_id, s.added_at, u.username,
                       array(select jsonb_array_elements_text(u.roles)) as roles
                  from crm_staff s join users u on u.id = s.user_id
                 where s.shop_id = ? order by u.username""", row -> new StaffMember(Sql.uuid(row, "user_id"),
                Sql.uuid(row, "shop_id"), row.getString("username"), roles((String[]) row.getArray("roles").getArray()),
                Jdbc.getInstant(row, "added_at")), shopId);
    }

    private static Set<Role> roles(String[] stored) {
        return Arrays.stream(stored).map(Role::parse)
                .collect(Collectors.toSet());
    }

    static Shop shop(ResultSet row) throws SQLException {
        return new Shop(Sql.uuid(row, "id"), row.getString("name"), row.getString("address"), row.getString("phone"),
                row.getString("currency"), row.getBigDecimal("markup_percent"), row.getInt("price_rounding"),
                Jdbc.getInstant(row, "created_at"));
    }
}
