package dev.hexcore.adapters.persistence.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEventQuery;
import dev.hexcore.domain.generation.GenerationEventReader;
import dev.hexcore.domain.generation.GenerationEvents;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.GenerationStats;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ai_generation_events}: one row per gateway call, written in its own short transaction (a failed write never
 * touches the caller's) that does not wait for the disk: analytics are best-effort, and read back for the admin API with filters and per-operation aggregates computed by
 * PostgreSQL ({@code percentile_cont} for latency percentiles). The gateway records through
 * {@link BackgroundGenerationEvents}, off its thread.
 */
@ApplicationScoped
@Typed({PostgresGenerationEvents.class, GenerationEventReader.class})
public class PostgresGenerationEvents implements GenerationEvents, GenerationEventReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "operation, kind, provider, model, key_id, latency_us, upstream_us, attempts, "
            + "repairs, mode, quality, error_codes, prompt_tokens, completion_tokens, total_tokens, cache_hit, occurred_at";
    private static final String INSERT = "insert into ai_generation_events (" + COLUMNS + ", latency_ms) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    public PostgresGenerationEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(GenerationEvent event) {
        String errorCodes = toJson(event.errorCodes());
        Jdbc.withoutDurableCommit(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, event.operation());
                insert.setString(2, code(event.kind()));
                insert.setString(3, event.provider());
                insert.setString(4, event.model());
                insert.setString(5, event.keyId());
                insert.setLong(6, micros(event.latency()));
                insert.setLong(7, micros(event.upstream()));
                insert.setInt(8, event.attempts());
                insert.setInt(9, event.repairs());
                insert.setString(10, code(event.mode()));
                insert.setString(11, event.quality() == null ? null : event.quality().code());
                insert.setString(12, errorCodes);
                insert.setInt(13, event.usage().promptTokens());
                insert.setInt(14, event.usage().completionTokens());
                insert.setInt(15, event.usage().totalTokens());
                insert.setBoolean(16, event.cacheHit());
                Jdbc.setInstant(insert, 17, event.occurredAt());
                insert.setLong(18, event.latencyMs());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Page<GenerationEvent> find(GenerationEventQuery query, PageRequest page) {
        EventConditions where = new EventConditions(query);
        return Jdbc.withConnection(dataSource, connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from ai_generation_events where " + where.where())) {
                where.bind(count);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<GenerationEvent> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from ai_generation_events where "
                    + where.where() + " order by occurred_at desc, id desc limit ? offset ?")) {
                int next = where.bind(select);
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) items.add(event(rows));
                }
            }
            return new Page<>(items, page.page(), page.limit(), total);
        });
    }

    @Override
    public List<GenerationStats> stats(GenerationEventQuery query) {
        EventConditions where = new EventConditions(query);
        String sql = "select operation, provider, model, count(*) as calls, count(*) filter (where quality is null) as errors, "
                + "percentile_cont(0.5) within group (order by latency_ms) as p50, "
                + "percentile_cont(0.95) within group (order by latency_ms) as p95, "
                + "count(*) filter (where cache_hit) as hits from ai_generation_events where " + where.where()
                + " group by operation, provider, model order by calls desc, operation, provider, model";
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                where.bind(select);
                List<GenerationStats> stats = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long calls = rows.getLong("calls");
                        long errors = rows.getLong("errors");
                        long hits = rows.getLong("hits");
                        stats.add(new GenerationStats(rows.getString("operation"), rows.getString("provider"),
                                rows.getString("model"), calls, errors, ratio(errors, calls), rows.getDouble("p50"),
                                rows.getDouble("p95"), hits, ratio(hits, calls)));
                    }
                }
                return stats;
            }
        });
    }

    private static GenerationEvent event(ResultSet row) throws SQLException {
        String quality = row.getString("quality");
        return new GenerationEvent(row.getString("operation"), GenerationKind.valueOf(upper(row.getString("kind"))),
                row.getString("provider"), row.getString("model"), row.getString("key_id"), Duration.of(row.getLong("latency_us"), ChronoUnit.MICROS),
                Duration.of(row.getLong("upstream_us"), ChronoUnit.MICROS),
                row.getInt("attempts"), row.getInt("repairs"), GenerationMode.valueOf(upper(row.getString("mode"))),
                quality == null ? null : ResultQuality.valueOf(upper(quality)), fromJson(row.getString("error_codes")),
                new TokenUsage(row.getInt("prompt_tokens"), row.getInt("completion_tokens"), row.getInt("total_tokens")),
                row.getBoolean("cache_hit"), Jdbc.getInstant(row, "occurred_at"));
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static String toJson(List<String> codes) {
        try {
            return JSON.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error codes are plain strings", e);
        }
    }

    private static List<String> fromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("error_codes is not a JSON array of strings", e);
        }
    }
}
