package dev.hexcore.application.course;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.UUID;

/** Seed 002 §18.4: lessons of the active course. Views are GeneratedLessonResponse JSON text. */
public interface LessonsUseCase {
    record GenerateLessonCommand(UUID levelTemplateId, String topic, String level, String generationMode) {
    }

    /**
     * The lesson of a level of the active course: the stored one without a model call, else generated once (other
     * callers for the same level, on any replica, wait for that generation).
     */
    String generate(Actor actor, GenerateLessonCommand command);

    Page<String> list(Actor actor, PageRequest page);

    String get(Actor actor, UUID lessonId);

    /** New exercises from the stored text and vocabulary. */
    String regenerateExercises(Actor actor, UUID lessonId, String generationMode);

    /** A new text and vocabulary; the exercises are cleared and the lesson is {@code needs_review}. */
    String regenerateCore(Actor actor, UUID lessonId, String generationMode);
}
