package dev.hexcore.adapters.persistence.crm;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Money;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The CRM adapters' plain SQL: statements with positional parameters on a connection of the caller's transaction
 * (or an auto-commit one outside it), rows mapped straight to domain records. Lists fetch their window and the total
 * in one round trip.
 */
final class Sql {
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A violated constraint (by name, as in the migrations) and the conflict it means. */
    record Conflict(String constraint, String code, String message) {
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Row<T> mapper, Object... params) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) result.add(mapper.map(rows));
                    return result;
                }
            }
        });
    }

    <T> Optional<T> one(String sql, Row<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Where a list's select names its total: {@code select a, b, } + TOTAL + {@code  from ...}. */
    static final String TOTAL = "#total#";

    /**
     * One window of a list and the total, in one round trip: {@code select} names {@link #TOTAL} among its columns
     * (before its {@code where}, so the count's parameters come first) and ends before {@code offset}/{@code limit},
     * which are added here. The total becomes the uncorrelated scalar subquery {@code countSql}, which PostgreSQL runs
     * once with a plan of its own: the window can walk the list's order index and stop after {@code limit} rows, while
     * the count uses the search index, instead of a window function making every matching row go through the page's
     * joins. Past the end there is no row to carry the total, so only then a second statement counts.
     */
    <T> Slice<T> slice(String select, String countSql, ListQuery query, Row<T> mapper, Object... params) {
        long[] total = {-1};
        Object[] all = append(append(params, params), query.skip(), query.limit());
        List<T> items = list(select.replace(TOTAL, "(" + countSql + ") as total_count") + " offset ? limit ?", row -> {
            total[0] = row.getLong("total_count");
            return mapper.map(row);
        }, all);
        if (total[0] < 0) total[0] = query.skip() == 0 ? 0 : one(countSql, row -> row.getLong(1), params).orElse(0L);
        return new Slice<>(items, query.skip(), query.limit(), total[0]);
    }

    int update(String sql, Object... params) {
        return update(sql, List.of(), params);
    }

    /** An insert, update or delete; a violated constraint among {@code conflicts} becomes that conflict. */
    int update(String sql, List<Conflict> conflicts, Object... params) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, params);
                    return statement.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            String violated = violatedConstraint(e);
            for (Conflict conflict : conflicts) {
                if (conflict.constraint().equals(violated)) throw new ConflictException(conflict.code(), conflict.message());
            }
            throw e;
        }
    }

    /** One statement run once per parameter row, in one JDBC batch. */
    void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) return;
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] params : rows) {
                    bind(statement, params);
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    /** A {@code uuid[]} parameter, for {@code = any (?)}; made on the connection of the statement it is bound to. */
    static UUID[] uuids(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** A {@code text[]} parameter; made on the connection of the statement it is bound to. */
    static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    static Money money(ResultSet row, String column) throws SQLException {
        return new Money(row.getBigDecimal(column), row.getString("currency"));
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Object[] append(Object[] params, Object... more) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Instant instant) Jdbc.setInstant(statement, i + 1, instant);
            else if (value instanceof UUID[] ids) statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", ids));
            else if (value instanceof String[] texts) statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
            else statement.setObject(i + 1, value);
        }
    }

    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
