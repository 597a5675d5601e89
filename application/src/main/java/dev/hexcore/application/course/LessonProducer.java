package dev.hexcore.application.course;

import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.generation.GenerationMode;
import java.util.UUID;

/**
 * What the course's batch routes need of lessons beyond the use case: the lesson of a level made once (claimed, then
 * generated, or waited for), or made again in place. Implemented by {@link LessonService}; not an entry point.
 */
public interface LessonProducer {
    /** The id of the level's finished lesson; with {@code replace} an existing one is generated again. */
    UUID ensure(UUID userId, ActiveEnrollment enrollment, CourseLevel level, String topic, String cefrLevel,
                GenerationMode mode, boolean replace);
}
