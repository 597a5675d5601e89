package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Stored profiles. Writes join the caller's unit of work. "Visible" means not deleted and not expired at {@code now}. */
public interface ProfileRepository {
    /** Inserts new profiles in one batch. */
    void insertAll(List<Profile> profiles);

    /** Writes the deletion mark of an existing profile and records the event, in the caller's transaction. */
    void markDeleted(Profile profile, ProfileEvent event);

    Optional<Profile> findVisible(UUID id, Instant now);

    /** Newest first (created_at, then id, descending). */
    Page<Profile> findVisible(ProfileFilter filter, PageRequest page, Instant now);

    long countVisible(ProfileFilter filter, Instant now);

    /**
     * Streams every visible profile matching the filter, oldest first, from a database cursor: memory stays flat
     * however many match. Runs outside any unit of work; {@code sink} must not open one on the same thread's
     * connection.
     */
    void forEachVisible(ProfileFilter filter, Instant now, Consumer<Profile> sink);

    /** Hard-deletes up to {@code limit} profiles that expired before {@code now}; returns how many went. */
    int purgeExpired(Instant now, int limit);
}
