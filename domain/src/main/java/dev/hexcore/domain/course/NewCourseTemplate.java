package dev.hexcore.domain.course;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course template to store as the next version of {@code slug}, with its levels ({@link LevelType#standard()}). */
public record NewCourseTemplate(UUID id, String slug, String targetLanguage, String cefrLevel, List<String> interests,
                                CourseOutline outline, Instant createdAt) {
    public NewCourseTemplate {
        interests = List.copyOf(interests);
    }
}
