package dev.hexcore.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures say "PostgreSQL is unreachable" (a 503, ADR 0030) and which are bugs or bad requests (not). */
class DependencyFailuresTest {
    /** As Hibernate and the persistence adapter wrap a driver's exception. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("JDBC exception executing SQL", new RuntimeException("Database call failed", cause));
    }

    @Test
    void connectionFailuresAndAServerGoingAwayAreUnreachable() {
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("An I/O error occurred", "08006",
                new IOException("Broken pipe"))))).isTrue();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException(
                "FATAL: the database system is starting up", "57P03")))).isTrue();
        assertThat(DependencyFailures.databaseUnreachable(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    /** Narayana's RollbackException of a commit whose connection died names no cause, only suppressed failures. */
    @Test
    void aFailedCommitIsUnreachableWhenItsSuppressedFailureSaysSo() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(xa);
        assertThat(DependencyFailures.databaseUnreachable(new IllegalStateException(rollback))).isTrue();

        RuntimeException otherRollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        otherRollback.addSuppressed(new SQLException("deadlock detected", "40P01"));
        assertThat(DependencyFailures.databaseUnreachable(otherRollback)).isFalse();
    }

    @Test
    void statementFailuresAndOtherErrorsAreNot() {
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("relation does not exist", "42P01"))))
                .isFalse();
        assertThat(DependencyFailures.databaseUnreachable(wrapped(new SQLException("no state")))).isFalse();
        assertThat(DependencyFailures.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DependencyFailures.databaseUnreachable(new NullPointerException())).isFalse();
    }
}
