package dev.hexcore.domain.course;

import java.util.UUID;

/** What a regeneration needs of a stored lesson: whose it is, its level and topic, the course language, its core. */
public record StoredLesson(UUID id, UUID userId, UUID enrollmentId, UUID levelTemplateId, String topic,
                           String targetLanguage, String cefrLevel, LessonCore core) {
}
