package dev.hexcore.adapters.rest.problem;

import io.vertx.core.http.HttpServerRequest;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Recognises a failure that says PostgreSQL is unreachable rather than that the request or the code is wrong, so it
 * becomes a 503 with {@code Retry-After} instead of a 500 (ADR 0030): among its causes and suppressed exceptions (a
 * failed commit's RollbackException carries the connection's failure as suppressed) an
 * {@link SQLException} of SQL state class 08 (connection exception: refused, broken, I/O error), 57P01–57P03 (the
 * server is shutting down, crashed, or still starting), or the pool's acquisition timeout. Such failures are logged as
 * one warning (type and SQL state, never the SQL) at most every 10 s instead of an error with a stack per request.
 */
final class DependencyFailures {
    static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    /** Retry-After of a 503 whose cause gives no time: long enough not to hammer, short enough for a restart. */
    static final Duration UNKNOWN_RETRY_AFTER = Duration.ofSeconds(2);
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /** Agroal's SQLException when no connection could be had in time; it carries no SQL state. */
    private static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Logger LOG = Logger.getLogger(DependencyFailures.class);

    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    static boolean databaseUnreachable(Throwable failure) {
        return find(failure, DependencyFailures::isConnectionFailure).isPresent();
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) return true;
        if (!(t instanceof SQLException sql)) return false;
        String state = sql.getSQLState();
        if (state != null) return state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
        return sql.getMessage() != null && sql.getMessage().startsWith(ACQUISITION_TIMEOUT);
    }

    /** The first of {@code failure}, its causes and its suppressed exceptions (breadth first, at most 32) that matches. */
    private static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty() && seen.size() < 32) {
            Throwable t = next.poll();
            if (!seen.add(t)) continue;
            if (test.test(t)) return Optional.of(t);
            if (t.getCause() != null) next.add(t.getCause());
            next.addAll(Arrays.asList(t.getSuppressed()));
        }
        return Optional.empty();
    }

    void warn(Throwable failure, HttpServerRequest request) {
        long now = System.nanoTime();
        long next = nextWarning.get();
        if (now - next < 0 || !nextWarning.compareAndSet(next, now + WARN_EVERY_NANOS)) return;
        LOG.warnf("The database does not answer (%s, SQL state %s); answering 503, e.g. to %s %s (logged at most every 10 s)",
                failure.getClass().getSimpleName(), sqlState(failure), request.method(), request.path());
    }

    private static String sqlState(Throwable failure) {
        return find(failure, t -> t instanceof SQLException sql && sql.getSQLState() != null)
                .map(t -> ((SQLException) t).getSQLState()).orElse("none");
    }
}
