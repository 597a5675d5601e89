package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Instant;

/**
 * Which visible profiles a list or an export covers: created in [{@code createdAfter}, {@code createdBefore}) and,
 * when {@code sourceKey} is set, created by that key or user. Every bound is optional.
 */
public record ProfileFilter(Instant createdAfter, Instant createdBefore, String sourceKey) {
    public ProfileFilter {
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new InvalidValueException("created_before", "must be later than created_after");
        }
    }

    public static ProfileFilter all() {
        return new ProfileFilter(null, null, null);
    }

    public ProfileFilter ownedBy(String key) {
        return new ProfileFilter(createdAfter, createdBefore, key);
    }
}
