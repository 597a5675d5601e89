package dev.hexcore.domain.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored profile. {@code sourceKey} is the id of the API key or user that created it; only that caller (or an
 * admin) sees it. A profile disappears from reads once deleted (soft: {@code deletedAt}) or expired.
 */
public final class Profile {
    private final UUID id;
    private final PersonProfile payload;
    private final String sourceKey;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant deletedAt;

    private Profile(UUID id, PersonProfile payload, String sourceKey, Instant createdAt, Instant expiresAt, Instant deletedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.sourceKey = Objects.requireNonNull(sourceKey, "sourceKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
        this.deletedAt = deletedAt;
    }

    public static Profile create(UUID id, PersonProfile payload, String sourceKey, Instant createdAt, Instant expiresAt) {
        return new Profile(id, payload, sourceKey, createdAt, expiresAt, null);
    }

    public static Profile restore(UUID id, PersonProfile payload, String sourceKey, Instant createdAt, Instant expiresAt,
                                  Instant deletedAt) {
        return new Profile(id, payload, sourceKey, createdAt, expiresAt, deletedAt);
    }

    /** Soft-deletes; returns the event to record. Deleting twice is a no-op that returns no event. */
    public java.util.Optional<ProfileEvent> delete(String actorKey, UUID eventId, Clock clock) {
        if (deletedAt != null) return java.util.Optional.empty();
        deletedAt = clock.instant();
        return java.util.Optional.of(new ProfileEvent(eventId, id, ProfileEvent.DELETED, actorKey, deletedAt));
    }

    public boolean isVisibleAt(Instant now) {
        return deletedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public UUID id() { return id; }
    public PersonProfile payload() { return payload; }
    public String sourceKey() { return sourceKey; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant deletedAt() { return deletedAt; }
}
