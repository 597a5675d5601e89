package dev.hexcore.adapters.persistence.shared;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Plain JDBC for the adapters that need more than Hibernate offers (cursors, {@code SKIP LOCKED}, batches): a
 * connection borrowed for one piece of work, {@link SQLException} turned into {@link DatabaseException}, and
 * {@code timestamptz} as {@link Instant}. Inside a JTA transaction the data source hands out the connection enlisted
 * in it, so the work joins that transaction.
 */
public final class Jdbc {
    /** Work on a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} on a connection from {@code dataSource} and gives the connection back. */
    public static <T> T withConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Runs {@code work} in a short transaction of its own that does not wait for the write-ahead log to reach the disk
     * ({@code synchronous_commit = off}): for writes whose last few may be lost in a crash (caches, analytics), so the
     * caller does not pay for an fsync. Inside a JTA transaction it runs in a new JTA transaction instead.
     */
    public static <T> T withoutDurableCommit(DataSource dataSource, Work<T> work) {
        if (QuarkusTransaction.isActive()) {
            return QuarkusTransaction.requiringNew().call(() -> withConnection(dataSource, work));
        }
        return withConnection(dataSource, connection -> {
            connection.setAutoCommit(false);
            try {
                try (var relax = connection.createStatement()) {
                    relax.execute("set local synchronous_commit = off");
                }
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs one bound insert, update or delete on a borrowed connection; answers the rows it changed. */
    public static int update(DataSource dataSource, String sql, Binder binder) {
        return withConnection(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Binds an instant (or null) as {@code timestamptz}. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    /** Reads a {@code timestamptz} column as an instant, or null. */
    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
