package dev.hexcore.adapters.rest.profile;

import dev.hexcore.adapters.rest.shared.IsoTime;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ProfileFilter} from query or body text, reporting every malformed bound at once. Checked by hand,
 * not by Bean Validation, because the same three values come from query parameters (profiles list) and from a body
 * (filter exports), and the order of the two bounds is a rule across fields; times go through {@link IsoTime}.
 */
final class Filters {
    private Filters() {
    }

    /** {@code fieldPrefix} names where the fields came from in error reports ("" for a query, "filter." for a body). */
    static ProfileFilter of(String createdAfter, String createdBefore, String sourceKey, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        Instant after = IsoTime.parse(createdAfter, fieldPrefix + "created_after", errors);
        Instant before = IsoTime.parse(createdBefore, fieldPrefix + "created_before", errors);
        if (sourceKey != null && (sourceKey.isBlank() || sourceKey.length() > 64)) {
            errors.add(new FieldError(fieldPrefix + "source_key", "must be the id of an API key or user"));
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new InvalidValueException(fieldPrefix + "created_before", "must be later than created_after");
        }
        return new ProfileFilter(after, before, sourceKey == null ? null : sourceKey.strip());
    }
}
