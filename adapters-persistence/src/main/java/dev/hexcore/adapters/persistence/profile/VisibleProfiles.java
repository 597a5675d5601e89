package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.profile.ProfileFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition "visible at {@code now} and matching the filter", in SQL, for every read of {@code profiles} (views,
 * pages, counts, the export cursor), so they all select the same rows: not deleted, not expired, created in
 * [{@code createdAfter}, {@code createdBefore}), created by {@code sourceKey} when it is set.
 */
final class VisibleProfiles {
    /** Not deleted and not expired at the one parameter, {@code now}. */
    static final String VISIBLE = "deleted_at is null and (expires_at is null or expires_at > ?)";

    private VisibleProfiles() {
    }

    /** For {@code profiles}: the SQL condition with positional parameters, bound by {@link Sql#bind}. */
    record Sql(String where, List<Object> values) {
        /** Binds the values from parameter {@code first} on, instants as {@code timestamptz}; returns the next index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object value : values) {
                if (value instanceof Instant instant) Jdbc.setInstant(statement, index++, instant);
                else statement.setObject(index++, value);
            }
            return index;
        }
    }

    static Sql sql(ProfileFilter filter, Instant now) {
        StringBuilder where = new StringBuilder(VISIBLE);
        List<Object> values = new ArrayList<>(List.of(now));
        if (filter.createdAfter() != null) {
            where.append(" and created_at >= ?");
            values.add(filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            where.append(" and created_at < ?");
            values.add(filter.createdBefore());
        }
        if (filter.sourceKey() != null) {
            where.append(" and source_key = ?");
            values.add(filter.sourceKey());
        }
        return new Sql(where.toString(), values);
    }
}
