package dev.hexcore.application.course;

import dev.hexcore.domain.identity.Actor;
import java.util.List;
import java.util.UUID;

/** Seed 002 §18.3: the active course (GET /path/), its generation and progress. Views are JSON text in the API's shape. */
public interface CoursesUseCase {
    record GenerateCourseCommand(List<String> interests, String level, boolean regenerate) {
    }

    /** {@code answersJson}: the learner's answers as a JSON object's text ("{}" when none were sent). */
    record ProgressCommand(UUID levelTemplateId, String status, Integer stars, Integer xpGained, String answersJson) {
    }

    record ProgressResult(String newStatus, boolean nextLevelUnlocked, long userTotalXp) {
    }

    /** The active course view; 404 when the user has none. */
    String activeCourse(Actor actor);

    /** The course for these interests (the active one as is unless {@code regenerate}); answers the active view. */
    String generate(Actor actor, GenerateCourseCommand command);

    ProgressResult reportProgress(Actor actor, ProgressCommand command);
}
