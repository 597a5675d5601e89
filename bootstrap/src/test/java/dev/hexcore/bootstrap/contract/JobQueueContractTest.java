package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.adapters.persistence.jobs.PostgresJobQueue;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.JobQueue.ClaimedJob;
import dev.hexcore.domain.port.JobQueue.NewJob;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JobQueue} on the suite's PostgreSQL, through the domain port. Each test enqueues and claims its own job type,
 * so tests sharing the database never take each other's jobs; time is the {@code now} each call passes.
 */
@QuarkusTest
class JobQueueContractTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    JobQueue queue;

    @Inject
    UnitOfWork uow;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    private String type;
    private Set<String> types;
    private Instant t0;

    @BeforeEach
    void aJobTypeOfThisTest() {
        type = unique("test-job");
        types = Set.of(type);
        t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aCommittedJobIsClaimedWithItsFirstAttemptAndALease() throws SQLException {
        UUID subject = UUID.randomUUID();
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, subject, t0, 5)));

        ClaimedJob job = queue.claim(types, LEASE, t0).orElseThrow();

        assertThat(job.id()).isEqualTo(id);
        assertThat(job.type()).isEqualTo(type);
        assertThat(job.subjectId()).isEqualTo(subject);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.maxAttempts()).isEqualTo(5);
        assertThat(job.isLastAttempt()).isFalse();
        assertThat(job.leaseUntil()).isEqualTo(t0.plus(LEASE));
        assertThat(job.claimToken()).isNotNull();
        assertThat(row(id).status()).isEqualTo("running");
        assertThat(queue.claim(types, LEASE, t0)).as("held by the first claim").isEmpty();
    }

    @Test
    void aJobEnqueuedInATransactionThatRollsBackNeverExists() throws SQLException {
        List<UUID> enqueued = new ArrayList<>();
        assertThatThrownBy(() -> uow.run(() -> {
            enqueued.add(queue.enqueue(new NewJob(type, UUID.randomUUID(), t0, 3)));
            throw new IllegalStateException("saving the export failed");
        })).hasMessage("saving the export failed");

        assertThat(enqueued).hasSize(1);
        assertThat(queue.claim(types, LEASE, t0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(count("select count(*) from jobs where type = ?", type)).isZero();
    }

    @Test
    void onlyDueJobsOfTheAskedTypesAreClaimedOldestFirst() {
        String otherType = unique("other-job");
        UUID later = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0.plusSeconds(10), 3)));
        UUID earlier = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0.plusSeconds(5), 3)));
        UUID other = uow.inTransaction(() -> queue.enqueue(new NewJob(otherType, null, t0, 3)));

        assertThat(queue.claim(types, LEASE, t0.plusSeconds(4))).as("nothing due yet").isEmpty();
        assertThat(queue.claim(types, LEASE, t0.plusSeconds(20))).map(ClaimedJob::id).contains(earlier);
        assertThat(queue.claim(types, LEASE, t0.plusSeconds(20))).map(ClaimedJob::id).contains(later);
        assertThat(queue.claim(types, LEASE, t0.plusSeconds(20))).isEmpty();
        assertThat(queue.claim(Set.of(), LEASE, t0.plusSeconds(20))).isEmpty();
        assertThat(queue.claim(Set.of(type, otherType), LEASE, t0.plusSeconds(20))).map(ClaimedJob::id).contains(other);
    }

    /** Two workers race over 200 jobs: every job is taken exactly once, and between them they take all. */
    @Test
    void concurrentWorkersNeverTakeTheSameJob() throws Exception {
        int jobs = 200;
        Set<UUID> enqueued = new HashSet<>();
        uow.run(() -> {
            for (int i = 0; i < jobs; i++) enqueued.add(queue.enqueue(new NewJob(type, UUID.randomUUID(), t0, 3)));
        });

        int workers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Set<UUID> taken = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (Optional<ClaimedJob> job = queue.claim(types, LEASE, t0); job.isPresent();
                         job = queue.claim(types, LEASE, t0)) {
                        assertThat(taken.add(job.get().id())).as("taken twice: %s", job.get().id()).isTrue();
                        assertThat(queue.complete(job.get(), t0)).isTrue();
                        mine++;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) total += result.get(60, TimeUnit.SECONDS);

            assertThat(total).isEqualTo(jobs);
            assertThat(taken).isEqualTo(enqueued);
            assertThat(count("select count(*) from jobs where type = ? and status = 'succeeded' and attempts = 1", type))
                    .isEqualTo(jobs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A worker that dies stops renewing; once its lease ends, another worker takes the job over as a new attempt. */
    @Test
    void anExpiredLeaseIsTakenOverAndTheOldClaimCanNoLongerFinishTheJob() throws SQLException {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 3)));
        ClaimedJob crashed = queue.claim(types, LEASE, t0).orElseThrow();

        assertThat(queue.claim(types, LEASE, t0.plus(LEASE).minusMillis(1))).as("lease still running").isEmpty();
        ClaimedJob takeover = queue.claim(types, LEASE, t0.plus(LEASE)).orElseThrow();

        assertThat(takeover.id()).isEqualTo(id);
        assertThat(takeover.attempt()).isEqualTo(2);
        assertThat(takeover.claimToken()).isNotEqualTo(crashed.claimToken());
        Instant late = t0.plus(LEASE).plusSeconds(1);
        assertThat(queue.complete(crashed, late)).isFalse();
        assertThat(queue.renewLease(crashed, LEASE, late)).isFalse();
        assertThat(queue.retryAt(crashed, late, "late", late)).isFalse();
        assertThat(queue.fail(crashed, "late", late)).isFalse();
        assertThat(row(id).status()).isEqualTo("running");

        assertThat(queue.complete(takeover, late)).isTrue();
        assertThat(queue.complete(takeover, late)).as("finished once").isFalse();
        JobRow done = row(id);
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.finishedAt()).isEqualTo(late);
        assertThat(queue.claim(types, LEASE, late.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aRenewedLeaseKeepsTheJob() {
        uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 3)));
        ClaimedJob job = queue.claim(types, LEASE, t0).orElseThrow();

        assertThat(queue.renewLease(job, LEASE, t0.plusSeconds(20))).isTrue();
        assertThat(queue.claim(types, LEASE, t0.plusSeconds(40))).as("renewed until +50 s").isEmpty();
        assertThat(queue.claim(types, LEASE, t0.plusSeconds(50))).map(ClaimedJob::attempt).contains(2);
    }

    @Test
    void aRetriedJobWaitsForItsTimeAndKeepsItsError() throws SQLException {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 3)));
        ClaimedJob first = queue.claim(types, LEASE, t0).orElseThrow();
        Instant runAt = t0.plusSeconds(60);

        assertThat(queue.retryAt(first, runAt, "provider timed out", t0.plusSeconds(1))).isTrue();
        JobRow pending = row(id);
        assertThat(pending.status()).isEqualTo("pending");
        assertThat(pending.lastError()).isEqualTo("provider timed out");
        assertThat(queue.complete(first, t0.plusSeconds(2))).as("the retried claim is spent").isFalse();

        assertThat(queue.claim(types, LEASE, runAt.minusMillis(1))).isEmpty();
        ClaimedJob second = queue.claim(types, LEASE, runAt).orElseThrow();
        assertThat(second.id()).isEqualTo(id);
        assertThat(second.attempt()).isEqualTo(2);
    }

    /** What an export worker does: retry with backoff while attempts remain, then fail for everyone to see. */
    @Test
    void aFailingJobRetriesWithBackoffThenFailsVisibly() throws SQLException {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, UUID.randomUUID(), t0, 3)));
        Instant now = t0;
        List<Integer> attempts = new ArrayList<>();
        for (Optional<ClaimedJob> claimed = queue.claim(types, LEASE, now); claimed.isPresent();
             claimed = queue.claim(types, LEASE, now)) {
            ClaimedJob job = claimed.get();
            attempts.add(job.attempt());
            String error = "attempt " + job.attempt() + " failed";
            if (job.isLastAttempt()) {
                assertThat(queue.fail(job, error, now)).isTrue();
            } else {
                assertThat(queue.retryAt(job, now.plusSeconds(1L << job.attempt()), error, now)).isTrue();
                assertThat(queue.claim(types, LEASE, now.plusSeconds(1))).as("backing off").isEmpty();
            }
            now = now.plus(Duration.ofMinutes(1));
        }

        assertThat(attempts).containsExactly(1, 2, 3);
        JobRow failed = row(id);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("attempt 3 failed");
        assertThat(failed.finishedAt()).isEqualTo(t0.plus(Duration.ofMinutes(2)));
    }

    /**
     * The chosen semantics for exhausted jobs: a worker died on the last attempt, so the takeover is handed out with
     * {@code attempt > maxAttempts}, and the worker fails it (and its export) instead of running it again.
     */
    @Test
    void aJobWhoseLastAttemptDiedIsHandedOutOnceMoreToBeFailed() throws SQLException {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 1)));
        ClaimedJob died = queue.claim(types, LEASE, t0).orElseThrow();
        assertThat(died.isLastAttempt()).isTrue();

        ClaimedJob exhausted = queue.claim(types, LEASE, t0.plus(LEASE)).orElseThrow();
        assertThat(exhausted.attempt()).isEqualTo(2).isGreaterThan(exhausted.maxAttempts());
        assertThat(queue.fail(exhausted, "the worker died on its last attempt", t0.plus(LEASE))).isTrue();
        assertThat(row(id).status()).isEqualTo("failed");
        assertThat(queue.claim(types, LEASE, t0.plus(Duration.ofDays(1)))).isEmpty();
    }

    /** complete joins the caller's transaction: if that rolls back, the job is still the worker's to finish. */
    @Test
    void completingInsideATransactionThatRollsBackLeavesTheJobRunning() throws SQLException {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 3)));
        ClaimedJob job = queue.claim(types, LEASE, t0).orElseThrow();

        assertThatThrownBy(() -> uow.run(() -> {
            assertThat(queue.complete(job, t0.plusSeconds(1))).isTrue();
            throw new IllegalStateException("saving the export failed");
        })).hasMessage("saving the export failed");

        assertThat(row(id).status()).isEqualTo("running");
        assertThat(queue.complete(job, t0.plusSeconds(2))).isTrue();
        assertThat(row(id).status()).isEqualTo("succeeded");
    }

    /** A restart is a new process on the same database: a fresh queue instance finds the job and can run it. */
    @Test
    void aJobSurvivesARestart() {
        UUID id = uow.inTransaction(() -> queue.enqueue(new NewJob(type, null, t0, 3)));
        ClaimedJob beforeCrash = queue.claim(types, LEASE, t0).orElseThrow();

        JobQueue afterRestart = new PostgresJobQueue(dataSource, clock, ids);
        ClaimedJob resumed = afterRestart.claim(types, LEASE, t0.plus(LEASE)).orElseThrow();
        assertThat(resumed.id()).isEqualTo(id);
        assertThat(resumed.attempt()).isEqualTo(2);
        assertThat(afterRestart.complete(resumed, t0.plus(LEASE))).isTrue();
        assertThat(queue.complete(beforeCrash, t0.plus(LEASE))).isFalse();
    }

    @Test
    void badJobsAndLeasesAreRefused() {
        assertThatThrownBy(() -> queue.enqueue(new NewJob(" ", null, t0, 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.enqueue(new NewJob(type, null, t0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.enqueue(new NewJob(type, null, null, 3))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.claim(types, Duration.ZERO, t0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record JobRow(String status, int attempts, String lastError, Instant finishedAt) {
    }

    private JobRow row(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select status, attempts, last_error, finished_at from jobs where id = ?")) {
            query.setObject(1, id);
            ResultSet row = query.executeQuery();
            assertThat(row.next()).as("job %s exists", id).isTrue();
            OffsetDateTime finishedAt = row.getObject(4, OffsetDateTime.class);
            return new JobRow(row.getString(1), row.getInt(2), row.getString(3),
                    finishedAt == null ? null : finishedAt.toInstant());
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            ResultSet row = query.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }
}
