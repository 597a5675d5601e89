package dev.hexcore.domain.gamification;

/** The achievements catalogue: each unlocks once per user when its condition first holds. */
public enum Achievement {
    FIRST_LESSON("First lesson", "Finish a level"),
    FIRST_REVIEW("First review", "Review a word"),
    STREAK_3("On a roll", "Be active 3 days in a row"),
    STREAK_7("Week streak", "Be active 7 days in a row"),
    REVIEWS_100("Hundred reviews", "Review words 100 times"),
    SECTION_COMPLETED("Section done", "Complete every level of a course section"),
    XP_1000("Thousand XP", "Earn 1000 XP");

    private final String title;
    private final String description;

    Achievement(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether the condition holds for these totals. */
    public boolean reached(Progress progress) {
        return switch (this) {
            case FIRST_LESSON -> progress.levelsCompleted() >= 1;
            case FIRST_REVIEW -> progress.reviews() >= 1;
            case STREAK_3 -> progress.streak() >= 3;
            case STREAK_7 -> progress.streak() >= 7;
            case REVIEWS_100 -> progress.reviews() >= 100;
            case SECTION_COMPLETED -> progress.sectionsCompleted() >= 1;
            case XP_1000 -> progress.xp() >= 1000;
        };
    }

    /** The totals the catalogue's conditions read. */
    public record Progress(long xp, int streak, long levelsCompleted, long reviews, long sectionsCompleted) {
    }
}
