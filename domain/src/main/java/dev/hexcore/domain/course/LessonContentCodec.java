package dev.hexcore.domain.course;

import java.util.List;

/**
 * Reads and writes the JSON of course and lesson answers (the model's, the stored ones), so the core never parses
 * JSON itself. {@code read*} throw {@link IllegalArgumentException} for JSON that does not have the shape (the
 * gateway has already checked the schema, so this means a programming error).
 */
public interface LessonContentCodec {
    CourseOutline readOutline(String json);

    String writeOutline(CourseOutline outline);

    LessonCore readCore(String json);

    String writeCore(LessonCore core);

    List<Exercise> readExercises(String json);

    /** {@code {"exercises": [...]}}, the answer's shape. */
    String writeExercises(List<Exercise> exercises);
}
