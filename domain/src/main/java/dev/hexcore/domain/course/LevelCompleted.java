package dev.hexcore.domain.course;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain event: a learner finished a level ({@code completed} or {@code gold}) and earned {@code xpGained}. Published
 * inside the transaction that records the attempt, so its handlers' writes commit or roll back with it.
 */
public record LevelCompleted(UUID userId, UUID enrollmentId, UUID levelTemplateId, LevelStatus status, int stars,
                             int xpGained, Instant at) {
}
