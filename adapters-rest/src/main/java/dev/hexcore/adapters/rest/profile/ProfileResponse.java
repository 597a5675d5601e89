package dev.hexcore.adapters.rest.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A profile as seed 001's {@code profiles} table holds it: id, payload, created_at, expires_at, source_key. The
 * payload is the domain's {@link PersonProfile} written in snake_case; a JSON export holds exactly these objects.
 * {@code id} and {@code created_at} are left out for profiles that were generated but not stored.
 *
 * <p>{@code payload} is either a {@link PersonProfile} that Jackson writes (freshly generated profiles) or, for stored
 * ones, the stored JSON text written through unparsed as a {@link RawValue}: it was written in this same shape by the
 * persistence adapter, and the profile journey test checks that both forms read the same (ADR 0015).
 */
@RegisterForReflection(targets = {PersonProfile.class, Passport.class, Address.class, Finance.class, Money.class})
public record ProfileResponse(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String sourceKey,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Instant createdAt, Instant expiresAt,
                              @Schema(implementation = PersonProfile.class) Object payload) {
    static ProfileResponse stored(Profile profile) {
        return new ProfileResponse(profile.id().toString(), profile.sourceKey(), profile.createdAt(), profile.expiresAt(),
                profile.payload());
    }

    static ProfileResponse of(ProfileView view) {
        return new ProfileResponse(view.id().toString(), view.sourceKey(), view.createdAt(), view.expiresAt(),
                new RawValue(view.payloadJson()));
    }

    static ProfileResponse transientOf(Profile profile) {
        return new ProfileResponse(null, profile.sourceKey(), null, null, profile.payload());
    }
}
