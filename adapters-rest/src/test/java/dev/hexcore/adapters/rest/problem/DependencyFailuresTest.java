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
