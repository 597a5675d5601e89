package dev.hexcore.adapters.persistence.gamification;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.gamification.Achievement;
import dev.hexcore.domain.gamification.GamificationEvent;
import dev.hexcore.domain.gamification.GamificationStore;
import dev.hexcore.domain.gamification.Streak;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Streak columns on {@code users}, {@code gamification_events} (counted once by id), {@code user_achievements}. */
@ApplicationScoped
public class PostgresGamificationStore implements GamificationStore {
    private static final String STATE = "xp, time_zone, current_streak, longest_streak, last_active_day, freezes_available";

    private final AgroalDataSource dataSource;

    public PostgresGamificationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean recordOnce(GamificationEvent event) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into gamification_events (event_id, user_id, kind, xp, occurred_at) values (?, ?, ?, ?, ?)
                    on conflict (event_id) do nothing""")) {
                insert.setObject(1, event.eventId());
                insert.setObject(2, event.userId());
                insert.setString(3, event.kind().name());
                insert.setInt(4, Math.max(0, event.xp()));
                Jdbc.setInstant(insert, 5, event.at());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public State lock(UUID userId) {
        return select("select " + STATE + " from users where id = ? for update", userId).orElseThrow();
    }

    @Override
    public State state(UUID userId) {
        return select("select " + STATE + " from users where id = ?", userId).orElseThrow();
    }

    @Override
    public void saveStreak(UUID userId, Streak streak) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update users set current_streak = ?, longest_streak = ?, last_active_day = ?, freezes_available = ?
                    where id = ?""")) {
                update.setInt(1, streak.current());
                update.setInt(2, streak.longest());
                update.setDate(3, streak.lastActiveDay() == null ? null : Date.valueOf(streak.lastActiveDay()));
                update.setInt(4, streak.freezes());
                update.setObject(5, userId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public long count(UUID userId, GamificationEvent.Kind kind) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*) from gamification_events where user_id = ? and kind = ?")) {
                select.setObject(1, userId);
                select.setString(2, kind.name());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public long sectionsCompleted(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select count(*) from enrollments e
                    join course_section_templates s on s.course_template_id = e.course_template_id
                    where e.user_id = ? and not exists (
                        select 1 from course_unit_templates u
                        join course_level_templates l on l.unit_template_id = u.id
                        left join user_level_progress p on p.enrollment_id = e.id and p.level_template_id = l.id
                        where u.section_template_id = s.id and coalesce(p.status, 'locked') not in ('completed', 'gold'))""")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public void unlock(UUID userId, Achievement achievement, java.time.Instant at) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into user_achievements (user_id, code, unlocked_at) values (?, ?, ?)
                    on conflict (user_id, code) do nothing""")) {
                insert.setObject(1, userId);
                insert.setString(2, achievement.name());
                Jdbc.setInstant(insert, 3, at);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Unlocked> achievements(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, unlocked_at from user_achievements where user_id = ? order by unlocked_at, code")) {
                select.setObject(1, userId);
                List<Unlocked> unlocked = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        unlocked.add(new Unlocked(Achievement.valueOf(row.getString("code")),
                                Jdbc.getInstant(row, "unlocked_at")));
                    }
                }
                return unlocked;
            }
        });
    }

    @Override
    public Optional<State> buyFreeze(UUID userId, long cost, int max) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update users set xp = xp - ?, freezes_available = freezes_available + 1
                    where id = ? and xp >= ? and freezes_available < ?
                    returning\s""" + STATE)) {
                update.setLong(1, cost);
                update.setObject(2, userId);
                update.setLong(3, cost);
                update.setInt(4, max);
                return read(update);
            }
        });
    }

    private Optional<State> select(String sql, UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setObject(1, userId);
                return read(select);
            }
        });
    }

    private static Optional<State> read(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            Date day = row.getDate("last_active_day");
            var streak = new Streak(row.getInt("current_streak"), row.getInt("longest_streak"),
                    day == null ? null : day.toLocalDate(), row.getInt("freezes_available"));
            return Optional.of(new State(row.getLong("xp"), streak, ZoneId.of(row.getString("time_zone"))));
        }
    }
}
