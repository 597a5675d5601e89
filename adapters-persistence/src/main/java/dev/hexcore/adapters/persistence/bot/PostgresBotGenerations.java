package dev.hexcore.adapters.persistence.bot;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.BotGenerations;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link BotGenerations} on {@code bot_generations}, plain statements through Agroal. */
@ApplicationScoped
public class PostgresBotGenerations implements BotGenerations {
    private static final String COLUMNS = "id, chat_id, idempotency_key, status, bonus_images_planned, provider, model, "
            + "latency_ms, main_image_keys, bonus_image_keys, balance_after, error_code, created_at, completed_at";
    private static final String START = "insert into bot_generations (id, chat_id, idempotency_key, status, "
            + "bonus_images_planned, created_at) values (?, ?, ?, 'pending', ?, ?)";
    private static final String BY_KEY = "select " + COLUMNS + " from bot_generations where chat_id = ? and idempotency_key = ?";
    private static final String SUCCEED = "update bot_generations set status = 'succeeded', provider = ?, model = ?, "
            + "latency_ms = ?, main_image_keys = ?, bonus_image_keys = ?, balance_after = ?, completed_at = ? "
            + "where id = ? and status = 'pending'";
    private static final String FAIL = "update bot_generations set status = 'failed', idempotency_key = null, "
            + "error_code = ?, latency_ms = ?, completed_at = ? where id = ? and status = 'pending'";
    private static final String PAGE = ChatPages.sql("bot_generations", COLUMNS, "created_at desc, id desc");
    private static final String PENDING = "select " + COLUMNS + " from bot_generations where status = 'pending' "
            + "and created_at < ? order by created_at limit ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;

    public PostgresBotGenerations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start(UUID id, long chatId, String idempotencyKey, int bonusImagesPlanned, Instant at) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(START)) {
                insert.setObject(1, id);
                insert.setLong(2, chatId);
                insert.setString(3, idempotencyKey);
                insert.setInt(4, bonusImagesPlanned);
                Jdbc.setInstant(insert, 5, at);
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new ConflictException("GENERATION_IN_PROGRESS",
                            "A generation with this Idempotency-Key is still running; retry when it has finished");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<BotGeneration> findByKey(long chatId, String idempotencyKey) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(BY_KEY)) {
                select.setLong(1, chatId);
                select.setString(2, idempotencyKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(generation(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean succeed(UUID id, String provider, String model, long latencyMs, List<String> mainImageKeys,
                           List<String> bonusImageKeys, int balanceAfter, Instant at) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(SUCCEED)) {
                update.setString(1, provider);
                update.setString(2, model);
                update.setLong(3, latencyMs);
                update.setArray(4, connection.createArrayOf("text", mainImageKeys.toArray()));
                update.setArray(5, connection.createArrayOf("text", bonusImageKeys.toArray()));
                update.setInt(6, balanceAfter);
                Jdbc.setInstant(update, 7, at);
                update.setObject(8, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean fail(UUID id, String errorCode, long latencyMs, Instant at) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(FAIL)) {
                update.setString(1, errorCode);
                update.setLong(2, latencyMs);
                Jdbc.setInstant(update, 3, at);
                update.setObject(4, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<BotGeneration> pendingSince(Instant startedBefore, int limit) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PENDING)) {
                Jdbc.setInstant(select, 1, startedBefore);
                select.setInt(2, limit);
                List<BotGeneration> pending = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) pending.add(generation(rows));
                }
                return pending;
            }
        });
    }

    @Override
    public Page<BotGeneration> page(long chatId, PageRequest page) {
        return ChatPages.read(dataSource, PAGE, chatId, page, PostgresBotGenerations::generation);
    }

    private static BotGeneration generation(ResultSet row) throws SQLException {
        long latency = row.getLong("latency_ms");
        Long latencyMs = row.wasNull() ? null : latency;
        int balance = row.getInt("balance_after");
        Integer balanceAfter = row.wasNull() ? null : balance;
        return new BotGeneration(row.getObject("id", UUID.class), row.getLong("chat_id"),
                row.getString("idempotency_key"),
                BotGeneration.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getInt("bonus_images_planned"), row.getString("provider"), row.getString("model"), latencyMs,
                strings(row.getArray("main_image_keys")), strings(row.getArray("bonus_image_keys")), balanceAfter,
                row.getString("error_code"), Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "completed_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
