package dev.hexcore.domain.course;

/** Something that reacts to {@link LevelCompleted} (XP now; streaks and achievements later). */
@FunctionalInterface
public interface LevelCompletedHandler {
    void on(LevelCompleted event);
}
