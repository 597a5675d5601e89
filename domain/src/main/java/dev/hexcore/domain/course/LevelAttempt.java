package dev.hexcore.domain.course;

import java.time.Instant;
import java.util.UUID;

/** One finished try of a level, as {@code user_level_attempts} keeps it (the answers snapshot is JSON text). */
public record LevelAttempt(UUID id, UUID enrollmentId, UUID levelTemplateId, LevelStatus status, int stars, int xpGained,
                           String answersJson, Instant at) {
}
