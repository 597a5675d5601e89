package dev.hexcore.domain.course;

import java.util.Optional;
import java.util.UUID;

/**
 * The read side of courses: the active course view (template, sections, units, levels with the learner's progress)
 * as JSON text in the API's shape, built by one statement whatever the course's size.
 */
public interface CourseReader {
    Optional<String> activeCourseJson(UUID userId);
}
