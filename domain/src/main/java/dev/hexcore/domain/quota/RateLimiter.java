package dev.hexcore.domain.quota;

import java.util.concurrent.CompletionStage;

/**
 * Counts a request against {@code policy} for {@code subject} (an API key id, a user id, an IP) atomically, even
 * across replicas when the implementation is shared. Asynchronous so it can run on an I/O thread.
 */
public interface RateLimiter {
    CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy);

    /** What {@link #acquire} would decide now, without counting anything. */
    CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy);
}
