package dev.hexcore.domain.gamification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** XP, streaks, freezes and achievements of users. Call inside a unit of work. */
public interface GamificationStore {
    /** A user's game state, locked until the transaction ends. */
    record State(long xp, Streak streak, ZoneId zone) {
    }

    record Unlocked(Achievement achievement, Instant at) {
    }

    /** Records the event; false when it was recorded before (a redelivery), so it must not count again. */
    boolean recordOnce(GamificationEvent event);

    State lock(UUID userId);

    void saveStreak(UUID userId, Streak streak);

    long count(UUID userId, GamificationEvent.Kind kind);

    /** Course sections (of any of the user's enrollments) whose every level is completed or gold. */
    long sectionsCompleted(UUID userId);

    /** Unlocks the achievement if not yet unlocked. */
    void unlock(UUID userId, Achievement achievement, Instant at);

    List<Unlocked> achievements(UUID userId);

    /**
     * Spends {@code cost} XP on one freeze if the user has that much and holds fewer than {@code max}, atomically;
     * the new state, or empty when nothing was bought.
     */
    Optional<State> buyFreeze(UUID userId, long cost, int max);

    State state(UUID userId);
}
