package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileReader;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ProfileReader} on PostgreSQL: one plain SQL statement per read through the Agroal pool, no entity, no
 * session (ADR 0015). The payload leaves as the text PostgreSQL prints for the {@code jsonb} column, unparsed.
 * pgjdbc turns each statement into a named server-side prepared statement from its fifth use on a connection
 * ({@code prepareThreshold}), so a warm read is one Bind/Execute round trip. Inside a JTA transaction the pool hands
 * out the transaction's connection, so a read there sees the transaction's own writes.
 */
@ApplicationScoped
public class PostgresProfileReader implements ProfileReader {
    private static final String COLUMNS = "id, payload::text as payload, source_key, created_at, expires_at";
    private static final String BY_ID = "select " + COLUMNS + " from profiles where id = ? and " + VisibleProfiles.VISIBLE;

    private final AgroalDataSource dataSource;

    public PostgresProfileReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ProfileView> findView(UUID id, Instant now) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(BY_ID)) {
                select.setObject(1, id);
                Jdbc.setInstant(select, 2, now);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(view(row.getObject("id", UUID.class), row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The page and its total in one statement: the count is a one-row subquery and the page is joined to it
     * ({@code left join lateral ... on true}), so a page past the end still answers the total, as one row of nulls.
     */
    @Override
    public Page<ProfileView> findViews(ProfileFilter filter, PageRequest page, Instant now) {
        VisibleProfiles.Sql visible = VisibleProfiles.sql(filter, now);
        String sql = "select total.n as total, p.* from (select count(*) as n from profiles where " + visible.where()
                + ") total left join lateral (select " + COLUMNS + " from profiles where " + visible.where()
                + " order by created_at desc, id desc limit ? offset ?) p on true order by p.created_at desc, p.id desc";
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = visible.bind(select, 1);
                next = visible.bind(select, next);
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                long total = 0;
                List<ProfileView> items = new ArrayList<>(page.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        total = rows.getLong("total");
                        UUID id = rows.getObject("id", UUID.class);
                        if (id != null) items.add(view(id, rows));
                    }
                }
                return new Page<>(items, page.page(), page.limit(), total);
            }
        });
    }

    private static ProfileView view(UUID id, ResultSet row) throws SQLException {
        return new ProfileView(id, row.getString("source_key"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "expires_at"), row.getString("payload"));
    }
}
