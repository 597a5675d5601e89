package dev.hexcore.domain.course;

import dev.hexcore.domain.generation.ResultQuality;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Generated lessons and the normalised dictionary. The lesson of (enrollment, level) is claimed before its model
 * calls by inserting it as {@code generating} (unique per enrollment and level): one caller on any replica generates,
 * the others wait for it. Each method is one short transaction of its own or joins the caller's.
 */
public interface LessonRepository {
    /**
     * Claims the lesson of (enrollment, level) under {@code candidateId} unless it exists; a claim older than
     * {@code staleBefore} (its owner died) is taken over.
     */
    LessonClaim claim(UUID candidateId, UUID enrollmentId, UUID levelTemplateId, String topic, String promptVersion,
                      Instant now, Instant staleBefore);

    /** {@code generating}, {@code ok} or {@code needs_review}; empty when the lesson is gone (its claim released). */
    Optional<String> status(UUID lessonId);

    /** Drops a claim whose generation failed, so the next call tries again. */
    void release(UUID lessonId);

    /**
     * Stores the lesson's core and exercises (replacing earlier ones), its vocabulary items, and upserts the
     * dictionary: a lexeme per (language, normalised word), a user lexeme per (user, lexeme), a lesson lexeme each.
     */
    void saveLesson(UUID lessonId, UUID userId, UUID enrollmentId, String targetLanguage, LessonDraft draft, Instant now);

    /** Replaces only the exercises and their quality fields. */
    void saveExercises(UUID lessonId, String exercisesJson, ResultQuality quality, int repairCount,
                       List<String> validationErrors, String rawExercisesJson);

    /** The finished lesson of (enrollment, level), if any. */
    Optional<UUID> lessonOf(UUID enrollmentId, UUID levelTemplateId);

    /** The user's own finished lesson (any of their enrollments). */
    Optional<StoredLesson> find(UUID userId, UUID lessonId);
}
