package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The query side of stored profiles: what the read routes show, as {@link ProfileView}s, without loading aggregates.
 * "Visible" means what it means for {@link ProfileRepository}: not deleted and not expired at {@code now}. Who may see
 * which profile is the caller's rule, not the reader's.
 */
public interface ProfileReader {
    Optional<ProfileView> findView(UUID id, Instant now);

    /** Newest first (created_at, then id, descending), with the total of visible profiles matching the filter. */
    Page<ProfileView> findViews(ProfileFilter filter, PageRequest page, Instant now);
}
