package dev.hexcore.domain.quota;

import java.util.concurrent.CompletionStage;

/**
 * Counts a request against {@code policy} for {@code subject} (an API key id, a user id, an IP) atomically, even
 * across replicas when the implementation is shared. Asynchronous so it can run on an I/O thread.
 */
public interface RateLimiter {
    CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy);

    /**
     * Counts as many requests as the budget allows, at most {@code wanted} (at least 1), in one atomic step: for a
     * caller that hands the permits out itself (a replica-local lease). Refused, counting nothing, exactly when
     * {@link #acquire} would be. Implementations that cannot count several at once grant one.
     */
    default CompletionStage<RateLimitGrant> acquireUpTo(String subject, RateLimitPolicy policy, long wanted) {
        if (wanted < 1) throw new IllegalArgumentException("wanted must be at least 1");
        return acquire(subject, policy).thenApply(RateLimitGrant::of);
    }

    /** What {@link #acquire} would decide now, without counting anything. */
    CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy);
}
