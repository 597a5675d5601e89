package dev.hexcore.domain.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored profile as a reader gets it: the row's fields and {@code payloadJson}, the stored payload document as JSON
 * text (the shape of {@link PersonProfile} in snake_case, the API's shape). Readers pass the text through unparsed;
 * only code that works on a profile loads the {@link Profile} aggregate (ADR 0015).
 */
public record ProfileView(UUID id, String sourceKey, Instant createdAt, Instant expiresAt, String payloadJson) {
    public ProfileView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
