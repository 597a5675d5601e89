package dev.hexcore.domain.gamification;

import java.time.Instant;
import java.util.UUID;

/** A domain event that counts for XP and the streak, identified so it is counted once however often it arrives. */
public record GamificationEvent(UUID eventId, UUID userId, Kind kind, int xp, Instant at) {
    public enum Kind { LEVEL_COMPLETED, REVIEW_DONE }
}
