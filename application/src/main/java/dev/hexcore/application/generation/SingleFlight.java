package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Identical concurrent requests of this process share one flight: the first caller of a key (the leader) runs it, the
 * others wait for its outcome, a result or the same exception. A flight leaves the map when it ends, so a later caller
 * starts a new one (an answer that should outlive the flight belongs in the response cache).
 */
final class SingleFlight<T> {
    /** A flight already running for the key, to follow; or none, and the caller leads. */
    sealed interface Joined<T> permits Leader, Follower {
    }

    /** This caller runs the flight ({@link #run}). */
    record Leader<T>(String key, CompletableFuture<T> flight) implements Joined<T> {
    }

    /** Another caller runs it; {@link #await} its outcome. */
    record Follower<T>(CompletableFuture<T> flight) implements Joined<T> {
    }

    private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight = new ConcurrentHashMap<>();

    /** Leads the flight of {@code key} if none runs, else follows the running one. */
    Joined<T> join(String key) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> running = inFlight.putIfAbsent(key, mine);
        return running == null ? new Leader<>(key, mine) : new Follower<>(running);
    }

    /** Runs the leader's work and hands its outcome to every follower; the flight then ends. */
    T run(Leader<T> leader, Supplier<T> work) {
        try {
            T result = work.get();
            leader.flight().complete(result);
            return result;
        } catch (RuntimeException e) {
            leader.flight().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(leader.key(), leader.flight());
        }
    }

    /**
     * The leader's outcome: its result, or its exception rethrown. Waits at most {@code wait}.
     *
     * @throws ModelUnavailableException when the flight does not end in time, or the wait is interrupted
     */
    T await(Follower<T> follower, Duration wait) throws ModelUnavailableException {
        try {
            return follower.flight().get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new FlightTimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting for an identical request", null);
        }
    }

    /** How many flights run now. */
    int running() {
        return inFlight.size();
    }

    /** The identical request followed did not end before the follower's deadline. */
    static final class FlightTimedOut extends ModelUnavailableException {
        FlightTimedOut() {
            super("An identical request did not finish before the deadline", null);
        }
    }
}
