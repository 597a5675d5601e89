package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.UUID;

/** Read and soft-delete stored profiles. A caller sees only its own profiles unless admin; others' are "not found". */
public interface ProfilesUseCase {
    Profile get(Actor actor, UUID id);

    Page<Profile> list(Actor actor, ProfileFilter filter, PageRequest page);

    void delete(Actor actor, UUID id);
}
