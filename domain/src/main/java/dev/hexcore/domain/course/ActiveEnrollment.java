package dev.hexcore.domain.course;

import java.util.UUID;

/** A user's active course: the enrollment and what lessons need of its template. */
public record ActiveEnrollment(UUID id, UUID userId, UUID templateId, String targetLanguage, String cefrLevel) {
}
