package dev.hexcore.domain.recommendation;

import java.time.Duration;

/**
 * Named locks with a lease, shared by every replica where the technology allows (Redis), so that one replica generates
 * a user's recommendation while the others wait for it, and the nightly batch runs on one replica only. A lock whose
 * holder died expires with its lease.
 */
public interface GenerationLocks {
    /** Takes the lock if it is free; false if someone holds it. */
    boolean tryLock(String name, Duration lease);

    /** Whether someone holds the lock now. */
    boolean isLocked(String name);

    void unlock(String name);
}
