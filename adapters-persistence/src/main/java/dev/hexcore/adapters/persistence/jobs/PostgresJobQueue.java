package dev.hexcore.adapters.persistence.jobs;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.shared.IdGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionRunnerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link JobQueue} in the PostgreSQL table {@code jobs} (see {@code V2__profiles_and_exports.sql}). What it
 * guarantees:
 *
 * <ul>
 *   <li><b>Outbox.</b> {@link #enqueue} joins the caller's transaction: the job exists exactly when the state change
 *       that asked for it committed. It survives restarts because it is a row.</li>
 *   <li><b>Once across replicas.</b> {@link #claim} takes the oldest due job with {@code FOR UPDATE SKIP LOCKED} and
 *       marks it running in one statement, in a transaction of its own that commits at once: two workers never hold
 *       the same job, and a busy row is skipped rather than waited for.</li>
 *   <li><b>Leases.</b> A claim holds the job until {@code now + lease}; a worker that dies simply stops renewing, and
 *       once the lease has passed the next {@link #claim} takes the job over as a new attempt with a new claim token.
 *       {@link #renewLease}, {@link #complete}, {@link #retryAt} and {@link #fail} are updates conditional on that
 *       token, so a worker that lost its lease can no longer change the job and learns so from {@code false}.</li>
 *   <li><b>Exhausted attempts.</b> A due job is handed out even when it has already used {@code maxAttempts} (a worker
 *       died on its last attempt, or a worker retried it anyway): the claim then carries
 *       {@code attempt > maxAttempts}, and the worker must not run it again but {@link #fail} it, recording the
 *       failure on its own state (the export) too. Failing it here in SQL would leave that state "running" for
 *       ever; handing it out lets the failure be seen where users look.</li>
 *   <li><b>Time</b> is the caller's {@code now} (the application's clock), never the database's, so schedules and
 *       leases follow one clock and tests control it. Only {@code created_at} of a new job comes from the injected
 *       clock, since {@link #enqueue} takes no time.</li>
 * </ul>
 *
 * <p>{@link #claim} and {@link #renewLease} always run in a new transaction (a claim or a renewal must be visible to
 * other workers at once); {@link #complete}, {@link #retryAt} and {@link #fail} join the caller's transaction when
 * one is open, so a job finishes atomically with the state change it produced, and run in their own otherwise.
 */
@ApplicationScoped
public class PostgresJobQueue implements JobQueue {
    static final int MAX_ERROR_LENGTH = 4_000;

    private static final String INSERT = """
            insert into jobs (id, type, subject_id, status, run_at, attempts, max_attempts, created_at, updated_at)
            values (?, ?, ?, 'pending', ?, 0, ?, ?, ?)""";
    /** run_at of a running job is its lease end, so "due" is one range on ix_jobs_due for every kind of job. */
    private static final String CLAIM = """
            update jobs
               set status = 'running', attempts = attempts + 1, claim_token = ?, lease_until = ?, run_at = ?,
                   updated_at = ?
             where id = (select id from jobs
                          where status in ('pending', 'running') and run_at <= ?
                            and (status = 'pending' or lease_until <= ?)
                            and type = any (?)
                          order by run_at, id
                          limit 1
                          for update skip locked)
            returning id, type, subject_id, attempts, max_attempts, claim_token, lease_until""";
    private static final String RENEW = """
            update jobs set lease_until = ?, run_at = ?, updated_at = ?
             where id = ? and claim_token = ? and status = 'running'""";
    private static final String COMPLETE = """
            update jobs set status = 'succeeded', claim_token = null, lease_until = null, finished_at = ?, updated_at = ?
             where id = ? and claim_token = ? and status = 'running'""";
    private static final String RETRY = """
            update jobs set status = 'pending', run_at = ?, last_error = ?, claim_token = null, lease_until = null,
                   updated_at = ?
             where id = ? and claim_token = ? and status = 'running'""";
    private static final String FAIL = """
            update jobs set status = 'failed', last_error = ?, claim_token = null, lease_until = null, finished_at = ?,
                   updated_at = ?
             where id = ? and claim_token = ? and status = 'running'""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final IdGenerator ids;

    @Inject
    public PostgresJobQueue(AgroalDataSource dataSource, Clock clock, IdGenerator ids) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UUID enqueue(NewJob job) {
        if (job.type() == null || job.type().isBlank()) throw new IllegalArgumentException("a job needs a type");
        Objects.requireNonNull(job.runAt(), "runAt");
        if (job.maxAttempts() < 1) throw new IllegalArgumentException("maxAttempts must be 1 or more");
        UUID id = ids.next();
        Instant now = clock.instant();
        return run(QuarkusTransaction.joiningExisting(), INSERT, insert -> {
            insert.setObject(1, id);
            insert.setString(2, job.type());
            insert.setObject(3, job.subjectId());
            Jdbc.setInstant(insert, 4, job.runAt());
            insert.setInt(5, job.maxAttempts());
            Jdbc.setInstant(insert, 6, now);
            Jdbc.setInstant(insert, 7, now);
            insert.executeUpdate();
            return id;
        });
    }

    @Override
    public Optional<ClaimedJob> claim(Set<String> types, Duration lease, Instant now) {
        requirePositive(lease);
        if (types.isEmpty()) return Optional.empty();
        Instant leaseUntil = now.plus(lease);
        return run(QuarkusTransaction.requiringNew(), CLAIM, claim -> {
            claim.setObject(1, UUID.randomUUID());
            Jdbc.setInstant(claim, 2, leaseUntil);
            Jdbc.setInstant(claim, 3, leaseUntil);
            Jdbc.setInstant(claim, 4, now);
            Jdbc.setInstant(claim, 5, now);
            Jdbc.setInstant(claim, 6, now);
            claim.setArray(7, claim.getConnection().createArrayOf("text", types.toArray()));
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new ClaimedJob(row.getObject("id", UUID.class), row.getString("type"),
                        row.getObject("subject_id", UUID.class), row.getInt("attempts"), row.getInt("max_attempts"),
                        row.getObject("claim_token", UUID.class), Jdbc.getInstant(row, "lease_until")));
            }
        });
    }

    @Override
    public boolean renewLease(ClaimedJob job, Duration lease, Instant now) {
        requirePositive(lease);
        Instant leaseUntil = now.plus(lease);
        return run(QuarkusTransaction.requiringNew(), RENEW, renew -> {
            Jdbc.setInstant(renew, 1, leaseUntil);
            Jdbc.setInstant(renew, 2, leaseUntil);
            Jdbc.setInstant(renew, 3, now);
            return changedOne(renew, 4, job);
        });
    }

    @Override
    public boolean complete(ClaimedJob job, Instant now) {
        return run(QuarkusTransaction.joiningExisting(), COMPLETE, complete -> {
            Jdbc.setInstant(complete, 1, now);
            Jdbc.setInstant(complete, 2, now);
            return changedOne(complete, 3, job);
        });
    }

    @Override
    public boolean retryAt(ClaimedJob job, Instant runAt, String error, Instant now) {
        Objects.requireNonNull(runAt, "runAt");
        return run(QuarkusTransaction.joiningExisting(), RETRY, retry -> {
            Jdbc.setInstant(retry, 1, runAt);
            retry.setString(2, shorten(error));
            Jdbc.setInstant(retry, 3, now);
            return changedOne(retry, 4, job);
        });
    }

    @Override
    public boolean fail(ClaimedJob job, String error, Instant now) {
        return run(QuarkusTransaction.joiningExisting(), FAIL, fail -> {
            fail.setString(1, shorten(error));
            Jdbc.setInstant(fail, 2, now);
            Jdbc.setInstant(fail, 3, now);
            return changedOne(fail, 4, job);
        });
    }

    /** Binds the job's id and claim token from {@code index} on and runs the update: did it change the job? */
    private static boolean changedOne(PreparedStatement update, int index, ClaimedJob job) throws SQLException {
        update.setObject(index, job.id());
        update.setObject(index + 1, job.claimToken());
        return update.executeUpdate() == 1;
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T execute(PreparedStatement statement) throws SQLException;
    }

    /** Prepares {@code sql} on the data source's connection for the transaction {@code semantics} gives. */
    private <T> T run(TransactionRunnerOptions semantics, String sql, StatementWork<T> work) {
        return semantics.call(() -> Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.execute(statement);
            }
        }));
    }

    private static String shorten(String error) {
        if (error == null) return null;
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("a lease must be positive");
    }
}
