package dev.hexcore.adapters.persistence.generation;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.generation.GenerationEventQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code where} clause of a {@link GenerationEventQuery}, with its parameters bound in order. */
final class EventConditions {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    EventConditions(GenerationEventQuery query) {
        add("operation = ?", query.operation());
        add("provider = ?", query.provider());
        add("model = ?", query.model());
        add("occurred_at >= ?", query.from());
        add("occurred_at < ?", query.to());
        if (query.failed() != null) conditions.add(query.failed() ? "quality is null" : "quality is not null");
        add("cache_hit = ?", query.cacheHit());
    }

    private void add(String condition, Object value) {
        if (value == null) return;
        conditions.add(condition);
        values.add(value);
    }

    String where() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /** Binds the values from parameter 1 on; returns the next free parameter index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : values) {
            if (value instanceof Instant instant) Jdbc.setInstant(statement, index++, instant);
            else statement.setObject(index++, value);
        }
        return index;
    }
}
