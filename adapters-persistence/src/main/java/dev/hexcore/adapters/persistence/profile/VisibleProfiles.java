package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.profile.ProfileFilter;
import io.quarkus.panache.common.Parameters;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition "visible at {@code now} and matching the filter", once in HQL (pages, counts) and once in SQL (the
 * export cursor), so both always select the same rows: not deleted, not expired, created in
 * [{@code createdAfter}, {@code createdBefore}), created by {@code sourceKey} when it is set.
 */
final class VisibleProfiles {
    private VisibleProfiles() {
    }

    /** For {@link ProfileEntity}: the HQL condition and its named parameters. */
    record Hql(String where, Parameters parameters) {
    }

    static Hql hql(ProfileFilter filter, Instant now) {
        StringBuilder where = new StringBuilder("deletedAt is null and (expiresAt is null or expiresAt > :now)");
        Parameters parameters = Parameters.with("now", now);
        if (filter.createdAfter() != null) {
            where.append(" and createdAt >= :after");
            parameters.and("after", filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            where.append(" and createdAt < :before");
            parameters.and("before", filter.createdBefore());
        }
        if (filter.sourceKey() != null) {
            where.append(" and sourceKey = :sourceKey");
            parameters.and("sourceKey", filter.sourceKey());
        }
        return new Hql(where.toString(), parameters);
    }

    /** For {@code profiles}: the SQL condition with positional parameters, bound by {@link Sql#bind}. */
    record Sql(String where, List<Object> values) {
        /** Binds the values from parameter 1 on; instants as {@code timestamptz}. */
        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Instant instant) Jdbc.setInstant(statement, i + 1, instant);
                else statement.setObject(i + 1, values.get(i));
            }
        }
    }

    static Sql sql(ProfileFilter filter, Instant now) {
        StringBuilder where = new StringBuilder("deleted_at is null and (expires_at is null or expires_at > ?)");
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
