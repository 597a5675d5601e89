package dev.hexcore.domain.gamification;

import java.util.UUID;

/** A learner's total experience points (seed 002 {@code users.xp}). Call inside a unit of work. */
public interface XpLedger {
    /** Adds {@code amount} (0 or more) and returns the new total. */
    long add(UUID userId, long amount);

    long total(UUID userId);
}
