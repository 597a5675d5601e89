package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.UUID;

/**
 * Read and soft-delete stored profiles. A caller sees only its own profiles unless admin; others' are "not found".
 * Reads answer {@link ProfileView}s: the payload as the stored JSON text, for the caller to pass through.
 */
public interface ProfilesUseCase {
    ProfileView get(Actor actor, UUID id);

    Page<ProfileView> list(Actor actor, ProfileFilter filter, PageRequest page);

    void delete(Actor actor, UUID id);
}
