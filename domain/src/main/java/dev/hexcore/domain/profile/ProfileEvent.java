package dev.hexcore.domain.profile;

import java.time.Instant;
import java.util.UUID;

/** Something that happened to a profile, kept for audit and exports ({@code profile.deleted}, ...). */
public record ProfileEvent(UUID id, UUID profileId, String type, String actorKey, Instant occurredAt) {
    public static final String DELETED = "profile.deleted";
}
