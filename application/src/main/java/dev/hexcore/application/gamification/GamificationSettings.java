package dev.hexcore.application.gamification;

/** XP per reviewed word, the XP price of a streak freeze and how many freezes a user may hold. */
public record GamificationSettings(int reviewXp, long freezeCost, int maxFreezes) {
    public GamificationSettings {
        if (reviewXp < 0 || freezeCost < 1 || maxFreezes < 0) {
            throw new IllegalArgumentException("review XP >= 0, freeze cost >= 1 and max freezes >= 0 are required");
        }
    }
}
