package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.DatabaseException;
import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileEvent;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * {@link ProfileRepository} on PostgreSQL. Writes join the caller's transaction (opened through the unit of work) and
 * fail without one; reads work with or without a transaction and always see committed data.
 *
 * <ul>
 *   <li>Reads by id, pages and counts are plain SQL ({@link PostgresProfileReader}): no entity is loaded.</li>
 *   <li>{@link #insertAll} sends every row in one JDBC batch: one round trip for a whole generated page.</li>
 *   <li>{@link #markDeleted} is a conditional update, so a profile is deleted, and its event recorded, once.</li>
 *   <li>{@link #forEachVisible} reads through a server-side cursor ({@value #CURSOR_FETCH_SIZE} rows per fetch) on a
 *       connection of its own, outside any JTA transaction: memory stays flat however many profiles match.</li>
 *   <li>{@link #purgeExpired} removes expired rows with {@code SKIP LOCKED}, so purges on several replicas do not wait
 *       for each other; their events go with them ({@code on delete cascade}).</li>
 * </ul>
 */
@ApplicationScoped
@ActivateRequestContext
public class PanacheProfileRepository implements ProfileRepository {
    static final int CURSOR_FETCH_SIZE = 500;
    private static final String PURGE = "delete from profiles where id in (select id from profiles "
            + "where expires_at <= :now order by expires_at limit :limit for update skip locked)";

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final PostgresProfileReader reader;

    @Inject
    public PanacheProfileRepository(AgroalDataSource dataSource, TransactionManager transactions,
                                    PostgresProfileReader reader) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.reader = reader;
    }

    @Override
    public void insertAll(List<Profile> profiles) {
        if (profiles.isEmpty()) return;
        ProfileEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(ProfileMapper.INSERT)) {
                for (Profile profile : profiles) {
                    ProfileMapper.bindInsert(insert, profile);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Sets {@code deleted_at} only if the profile is not deleted yet, and records the event only then: of two
     * concurrent deletions, the first keeps its time and its event, the second changes nothing.
     */
    @Override
    public void markDeleted(Profile profile, ProfileEvent event) {
        Objects.requireNonNull(profile.deletedAt(), "markDeleted needs a profile deleted through Profile.delete");
        int changed = ProfileEntity.update("deletedAt = ?1 where id = ?2 and deletedAt is null",
                profile.deletedAt(), profile.id());
        if (changed == 1) ProfileMapper.toEntity(event).persist();
    }

    /** Through the reader's SQL, so the aggregate and the read routes see the same rows; the payload is parsed here. */
    @Override
    public Optional<Profile> findVisible(UUID id, Instant now) {
        return reader.findView(id, now).map(ProfileMapper::toDomain);
    }

    @Override
    public Page<Profile> findVisible(ProfileFilter filter, PageRequest page, Instant now) {
        return reader.findViews(filter, page, now).map(ProfileMapper::toDomain);
    }

    @Override
    public long countVisible(ProfileFilter filter, Instant now) {
        VisibleProfiles.Sql visible = VisibleProfiles.sql(filter, now);
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement count = connection.prepareStatement("select count(*) from profiles where " + visible.where())) {
                visible.bind(count, 1);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Oldest first ({@code created_at}, then {@code id}). A transaction open on this thread is suspended for the
     * duration and resumed afterwards: the cursor needs a connection of its own with auto-commit off, which a
     * connection enlisted in JTA cannot be. The rows are those committed when the cursor opened; the read-only
     * transaction that holds the cursor is rolled back at the end.
     */
    @Override
    public void forEachVisible(ProfileFilter filter, Instant now, Consumer<Profile> sink) {
        VisibleProfiles.Sql visible = VisibleProfiles.sql(filter, now);
        String select = "select " + ProfileMapper.COLUMNS + " from profiles where " + visible.where()
                + " order by created_at, id";
        Transaction suspended = suspendTransaction();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);   // PostgreSQL keeps a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setFetchSize(CURSOR_FETCH_SIZE);
                visible.bind(statement, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) sink.accept(ProfileMapper.fromRow(rows));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            resume(suspended);
        }
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        if (limit <= 0) return 0;
        return ProfileEntity.getEntityManager().createNativeQuery(PURGE)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate();
    }

    private Transaction suspendTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_NO_TRANSACTION ? null : transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot suspend the current transaction", e);
        }
    }

    private void resume(Transaction suspended) {
        if (suspended == null) return;
        try {
            transactions.resume(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot resume the suspended transaction", e);
        }
    }
}
