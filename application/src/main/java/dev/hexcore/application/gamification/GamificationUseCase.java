package dev.hexcore.application.gamification;

import dev.hexcore.domain.gamification.GamificationStore;
import dev.hexcore.domain.identity.Actor;
import java.util.List;

/** Issue 14: the learner's XP, level, streaks, freezes and achievements. */
public interface GamificationUseCase {
    record Summary(long xp, int level, int currentStreak, int longestStreak, int freezesAvailable,
                   List<GamificationStore.Unlocked> achievements) {
    }

    record FreezeBought(int freezesAvailable, long xp) {
    }

    Summary summary(Actor actor);

    /** Spends XP on a streak freeze: 409 INSUFFICIENT_XP, or FREEZE_LIMIT_REACHED when the most are held. */
    FreezeBought buyFreeze(Actor actor);
}
