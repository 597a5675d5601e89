package dev.hexcore.adapters.persistence.learning;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.learning.LearnerData;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The export as JSON PostgreSQL builds, one section after another, each read with a cursor (fetch size 100) and
 * written row by row, so a user with thousands of words never sits in memory. Password hashes and the model's raw
 * output are left out. The reset deletes enrollments (their progress, attempts, lessons and lesson vocabulary go
 * with them by cascade) and user lexemes (with their reviews); shared course templates and lexemes stay.
 */
@ApplicationScoped
public class PostgresLearnerData implements LearnerData {
    private static final String PROFILE = """
            select jsonb_build_object('id', id, 'username', username, 'email', email, 'status', status,
                'native_language', native_language, 'target_language', target_language, 'interests', interests,
                'language_levels', language_levels, 'time_zone', time_zone, 'created_at', created_at,
                'xp', xp, 'current_streak', current_streak, 'longest_streak', longest_streak,
                'last_active_day', last_active_day, 'freezes_available', freezes_available)::text
            from users where id = ?""";
    private static final String ACHIEVEMENTS = """
            select jsonb_build_object('code', code, 'unlocked_at', unlocked_at)::text
            from user_achievements where user_id = ? order by unlocked_at, code""";
    private static final String ENROLLMENTS = """
            select jsonb_build_object('id', e.id, 'status', e.status, 'created_at', e.created_at,
                'course', (select jsonb_build_object('id', t.id, 'slug', t.slug, 'version', t.version,
                    'target_language', t.target_language, 'theme', t.theme, 'cefr_level', t.cefr_level)
                    from course_templates t where t.id = e.course_template_id),
                'progress', coalesce((select jsonb_agg(to_jsonb(p) - 'enrollment_id' order by p.created_at)
                    from user_level_progress p where p.enrollment_id = e.id), '[]'),
                'attempts', coalesce((select jsonb_agg(to_jsonb(a) - 'enrollment_id' order by a.created_at)
                    from user_level_attempts a where a.enrollment_id = e.id), '[]'))::text
            from enrollments e where e.user_id = ? order by e.created_at""";
    private static final String LESSONS = """
            select ((to_jsonb(g) - 'raw_model_output') || jsonb_build_object('vocabulary_items',
                coalesce((select jsonb_agg(to_jsonb(v) - 'generated_lesson_id' order by v."order")
                    from generated_vocabulary_items v where v.generated_lesson_id = g.id), '[]')))::text
            from generated_lessons g join enrollments e on e.id = g.enrollment_id
            where e.user_id = ? order by g.created_at""";
    private static final String VOCABULARY = """
            select ((to_jsonb(ul) - 'user_id') || jsonb_build_object('word', l.text,
                'target_language', l.target_language, 'reviews',
                coalesce((select jsonb_agg(to_jsonb(r) - 'user_id' - 'user_lexeme_id' order by r.reviewed_at)
                    from vocabulary_reviews r where r.user_lexeme_id = ul.id), '[]')))::text
            from user_lexemes ul join lexemes l on l.id = ul.lexeme_id
            where ul.user_id = ? order by ul.first_seen_at, ul.id""";

    private final AgroalDataSource dataSource;

    public PostgresLearnerData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void export(UUID userId, Writer out) {
        Jdbc.withConnection(dataSource, connection -> {
            try {
                out.write("{\"profile\":");
                rows(connection, PROFILE, userId, out, false);
                out.write(",\"achievements\":");
                rows(connection, ACHIEVEMENTS, userId, out, true);
                out.write(",\"enrollments\":");
                rows(connection, ENROLLMENTS, userId, out, true);
                out.write(",\"lessons\":");
                rows(connection, LESSONS, userId, out, true);
                out.write(",\"vocabulary\":");
                rows(connection, VOCABULARY, userId, out, true);
                out.write("}");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static void rows(Connection connection, String sql, UUID userId, Writer out, boolean array)
            throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(100);
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!array) {
                    out.write(row.next() ? row.getString(1) : "null");
                    return;
                }
                out.write('[');
                for (boolean first = true; row.next(); first = false) {
                    if (!first) {
                        out.write(',');
                    }
                    out.write(row.getString(1));
                }
                out.write(']');
            }
        }
    }

    @Override
    public ResetCounts reset(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select 1 from users where id = ? for update")) {
                lock.setObject(1, userId);
                lock.executeQuery().close();
            }
            String enrollments = "(select id from enrollments where user_id = ?)";
            var counts = new ResetCounts(
                    count(connection, "select count(*) from enrollments where user_id = ?", userId),
                    count(connection, "select count(*) from user_level_progress where enrollment_id in " + enrollments, userId),
                    count(connection, "select count(*) from user_level_attempts where enrollment_id in " + enrollments, userId),
                    count(connection, "select count(*) from generated_lessons where enrollment_id in " + enrollments, userId),
                    count(connection, """
                            select count(*) from generated_vocabulary_items v join generated_lessons g
                            on g.id = v.generated_lesson_id where g.enrollment_id in\s""" + enrollments, userId),
                    count(connection, "select count(*) from user_lexemes where user_id = ?", userId),
                    count(connection, "select count(*) from vocabulary_reviews where user_id = ?", userId));
            // lessons reference user lexemes (set null), so the lexemes go last, after everything that names them
            delete(connection, "delete from enrollments where user_id = ?", userId);
            delete(connection, "delete from user_lexemes where user_id = ?", userId);
            return counts;
        });
    }

    private static long count(Connection connection, String sql, UUID userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void delete(Connection connection, String sql, UUID userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setObject(1, userId);
            delete.executeUpdate();
        }
    }
}
