package dev.hexcore.domain.course;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes and the reads that decide them, for templates, enrollments and progress. Call inside a unit of work. */
public interface CourseRepository {
    /** Locks the user's course state (their row) until the transaction ends, so course changes of one user queue. */
    void lockUser(UUID userId);

    Optional<ActiveEnrollment> activeEnrollment(UUID userId);

    /** The newest active template of {@code slug}. */
    Optional<UUID> activeTemplate(String slug);

    /** Stores the template as version max+1 of its slug, its sections, units and standard levels. */
    void saveTemplate(NewCourseTemplate template);

    /** Archives the user's active enrollment, if any. */
    void archiveActive(UUID userId, Instant now);

    /**
     * Makes {@code templateId} the user's active course: a new enrollment with progress for every level (the first in
     * course order {@code in_progress}, the rest locked), or the user's archived enrollment on it made active again.
     */
    UUID enroll(UUID enrollmentId, UUID userId, UUID templateId, Instant now);

    /** A level of the enrollment's course, with the learner's progress on it; empty when the course has no such level. */
    Optional<CourseLevel> level(UUID enrollmentId, UUID levelTemplateId);

    /** The enrollment's levels of {@code type} in course order. */
    List<CourseLevel> levels(UUID enrollmentId, LevelType type);

    void updateProgress(UUID enrollmentId, UUID levelTemplateId, LevelStatus status, int stars, Instant completedAt);

    void recordAttempt(LevelAttempt attempt);

    /** Unlocks the level after {@code levelTemplateId} in course order if it is locked; whether it did. */
    boolean unlockNext(UUID enrollmentId, UUID levelTemplateId);
}
