package dev.hexcore.domain.course;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain event: a learner finished a level ({@code completed} or {@code gold}) and earned {@code xpGained}. Published
 * inside the transaction that records the attempt, so its handlers' writes commit or roll back with it. {@code eventId}
 * is the attempt's id: a handler that sees it twice must count it once.
 */
public record LevelCompleted(UUID eventId, UUID userId, UUID enrollmentId, UUID levelTemplateId, LevelStatus status, int stars,
                             int xpGained, Instant at) {
}
