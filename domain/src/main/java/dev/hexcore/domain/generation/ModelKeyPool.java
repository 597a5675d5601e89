package dev.hexcore.domain.generation;

import java.time.Instant;
import java.util.List;

/**
 * The provider keys and their quotas (requests per minute and per day, optional tokens per minute), counted per
 * provider project and model and shared by every replica. The pool never hands out a key it knows would exceed a
 * quota, and spreads load over the keys with headroom.
 */
public interface ModelKeyPool {
    /** Picks a key with headroom for one request to {@code model} and counts the request. */
    KeyLease acquire(ModelRef model, Instant now);

    /**
     * Starts {@link #acquire} without waiting for a remote store's answer, so the caller can do other work meanwhile;
     * the request is counted as {@code acquire} counts it, at {@code now}, unless it is given back
     * ({@link PendingLease#giveBack}). This default acquires at once and gives nothing back (the request stays counted:
     * over, never under).
     */
    default PendingLease startAcquire(ModelRef model, Instant now) {
        return PendingLease.settled(acquire(model, now));
    }

    /** Applies what a failure says about the key: cool it down, park it until the day boundary, or disable it. */
    void report(ProviderKey key, ModelRef model, ProviderFailure failure, Instant now);

    /** Counts the tokens a successful call used (for tokens-per-minute quotas). */
    void recordUsage(ProviderKey key, ModelRef model, TokenUsage usage, Instant now);

    /** Every configured key with its usage this minute and day per model, remaining quota, cooldown and disabled reason. */
    List<ModelKeyStatus> status(Instant now);

    /** Disables (with a reason) or re-enables a key by id; false if no such key. */
    boolean setEnabled(String keyId, boolean enabled, String reason, Instant now);
}
