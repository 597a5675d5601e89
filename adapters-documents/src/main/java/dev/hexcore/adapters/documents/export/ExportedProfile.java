package dev.hexcore.adapters.documents.export;

import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import java.time.Instant;
import java.util.UUID;

/**
 * One profile as the JSON export and the REST API show it: {@code id}, {@code source_key}, {@code created_at},
 * {@code expires_at} (null when it never expires) and the {@code payload}, in that order. The deletion mark is not
 * part of it: deleted profiles are never exported.
 */
public record ExportedProfile(UUID id, String sourceKey, Instant createdAt, Instant expiresAt, PersonProfile payload) {
    public static ExportedProfile from(Profile profile) {
        return new ExportedProfile(profile.id(), profile.sourceKey(), profile.createdAt(), profile.expiresAt(),
                profile.payload());
    }
}
