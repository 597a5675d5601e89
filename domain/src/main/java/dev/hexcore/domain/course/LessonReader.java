package dev.hexcore.domain.course;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** The read side of lessons: GeneratedLessonResponse JSON text, one statement per read. */
public interface LessonReader {
    /** The user's own finished lesson. */
    Optional<String> lessonJson(UUID userId, UUID lessonId);

    /** The finished lessons of the user's active course, newest first, with their total. */
    Page<String> activeCourseLessons(UUID userId, PageRequest page);
}
