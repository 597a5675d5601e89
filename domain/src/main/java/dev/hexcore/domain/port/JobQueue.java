package dev.hexcore.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A durable job queue. {@link #enqueue} joins the caller's unit of work, so a job exists exactly when the state change
 * that asked for it committed (outbox). A claimed job is leased: if its worker dies, another takes it over once the
 * lease ends. Completing, retrying or failing a job only works with the claim that still holds it, so a job is
 * finished once even when a slow worker loses its lease.
 */
public interface JobQueue {
    record NewJob(String type, UUID subjectId, Instant runAt, int maxAttempts) {
    }

    /** A job held by one worker until {@code leaseUntil}; {@code attempt} counts from 1. */
    record ClaimedJob(UUID id, String type, UUID subjectId, int attempt, int maxAttempts, UUID claimToken,
                      Instant leaseUntil) {
        public boolean isLastAttempt() {
            return attempt >= maxAttempts;
        }
    }

    UUID enqueue(NewJob job);

    /** Takes the oldest due job of one of these types, or empty; runs in its own short transaction. */
    Optional<ClaimedJob> claim(Set<String> types, Duration lease, Instant now);

    /** Extends the lease of a long job; false if the claim was lost. */
    boolean renewLease(ClaimedJob job, Duration lease, Instant now);

    /** Marks the job done; false if the claim was lost. Joins the caller's unit of work when one is open. */
    boolean complete(ClaimedJob job, Instant now);

    /** Puts the job back to run again at {@code runAt}; false if the claim was lost. */
    boolean retryAt(ClaimedJob job, Instant runAt, String error, Instant now);

    /** Gives up on the job for good; false if the claim was lost. */
    boolean fail(ClaimedJob job, String error, Instant now);
}
