package dev.hexcore.adapters.persistence.course;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.CourseReader;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LevelAttempt;
import dev.hexcore.domain.course.LevelStatus;
import dev.hexcore.domain.course.LevelType;
import dev.hexcore.domain.course.NewCourseTemplate;
import dev.hexcore.domain.shared.IdGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Course templates, enrollments and progress in plain SQL through Agroal (ADR 0015): inside a unit of work the data
 * source hands out the transaction's connection. The active course view is one statement that builds the whole JSON
 * document in PostgreSQL ({@link #VIEW}), so its cost does not grow in statements with the course's size.
 */
@ApplicationScoped
public class PostgresCourseRepository implements CourseRepository, CourseReader {
    private static final String LEVEL_COLUMNS = """
            l.id, l.type, u.topic, l.goal, l.course_position, p.status, p.stars
            from course_level_templates l
            join course_unit_templates u on u.id = l.unit_template_id
            join user_level_progress p on p.level_template_id = l.id and p.enrollment_id = ?
            """;
    static final String VIEW = """
            select json_build_object(
              'id', t.id, 'enrollment_id', e.id, 'slug', t.slug, 'version', t.version,
              'target_language', t.target_language, 'theme', t.theme, 'cefr_level', t.cefr_level,
              'interests', t.interests, 'status', e.status, 'created_at', e.created_at,
              'sections', coalesce((select json_agg(json_build_object(
                  'id', s.id, 'order', s."order", 'title', s.title, 'description', s.description,
                  'units', (select json_agg(json_build_object(
                      'id', u.id, 'order', u."order", 'topic', u.topic, 'description', u.description, 'icon', u.icon,
                      'levels', (select json_agg(json_build_object(
                          'id', l.id, 'order', l."order", 'type', l.type, 'total_steps', l.total_steps, 'goal', l.goal,
                          'status', p.status, 'stars', p.stars) order by l."order")
                        from course_level_templates l
                        join user_level_progress p on p.level_template_id = l.id and p.enrollment_id = e.id
                        where l.unit_template_id = u.id)) order by u."order")
                    from course_unit_templates u where u.section_template_id = s.id)) order by s."order")
                from course_section_templates s where s.course_template_id = t.id), '[]'::json))::text
            from enrollments e join course_templates t on t.id = e.course_template_id
            where e.user_id = ? and e.status = 'active'
            """;

    private final AgroalDataSource dataSource;
    private final IdGenerator ids;

    public PostgresCourseRepository(AgroalDataSource dataSource, IdGenerator ids) {
        this.dataSource = dataSource;
        this.ids = ids;
    }

    @Override
    public Optional<String> activeCourseJson(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(VIEW)) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void lockUser(UUID userId) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select 1 from users where id = ? for update")) {
                lock.setObject(1, userId);
                lock.executeQuery().close();
            }
            return null;
        });
    }

    @Override
    public Optional<ActiveEnrollment> activeEnrollment(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select e.id, e.course_template_id, t.target_language, t.cefr_level
                    from enrollments e join course_templates t on t.id = e.course_template_id
                    where e.user_id = ? and e.status = 'active'""")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) return Optional.empty();
                    return Optional.of(new ActiveEnrollment(row.getObject(1, UUID.class), userId, row.getObject(2, UUID.class),
                            row.getString(3), row.getString(4)));
                }
            }
        });
    }

    @Override
    public Optional<UUID> activeTemplate(String slug) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from course_templates where slug = ? and is_active order by version desc limit 1")) {
                select.setString(1, slug);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveTemplate(NewCourseTemplate template) {
        Jdbc.withConnection(dataSource, connection -> {
            // versions of one slug are numbered in turn: concurrent saves of the same slug queue here
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 20))")) {
                lock.setString(1, template.slug());
                lock.executeQuery().close();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into course_templates (id, slug, version, target_language, theme, cefr_level, interests, created_at)
                    select ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?::jsonb, ? from course_templates where slug = ?""")) {
                insert.setObject(1, template.id());
                insert.setString(2, template.slug());
                insert.setString(3, template.targetLanguage());
                insert.setString(4, template.outline().theme());
                insert.setString(5, template.cefrLevel());
                insert.setString(6, JsonText.strings(template.interests()));
                Jdbc.setInstant(insert, 7, template.createdAt());
                insert.setString(8, template.slug());
                insert.executeUpdate();
            }
            try (PreparedStatement sections = connection.prepareStatement(
                         "insert into course_section_templates (id, course_template_id, \"order\", title, description) values (?, ?, ?, ?, ?)");
                 PreparedStatement units = connection.prepareStatement(
                         "insert into course_unit_templates (id, section_template_id, \"order\", topic, description, icon) values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement levels = connection.prepareStatement("""
                         insert into course_level_templates (id, unit_template_id, course_template_id, "order", course_position,
                             type, total_steps, goal) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                List<CourseOutline.Section> outline = template.outline().sections();
                for (int s = 0; s < outline.size(); s++) {
                    UUID sectionId = ids.next();
                    sections.setObject(1, sectionId);
                    sections.setObject(2, template.id());
                    sections.setInt(3, s + 1);
                    sections.setString(4, outline.get(s).title());
                    sections.setString(5, outline.get(s).description());
                    sections.addBatch();
                    List<CourseOutline.Unit> unitList = outline.get(s).units();
                    for (int u = 0; u < unitList.size(); u++) {
                        UUID unitId = ids.next();
                        CourseOutline.Unit unit = unitList.get(u);
                        units.setObject(1, unitId);
                        units.setObject(2, sectionId);
                        units.setInt(3, u + 1);
                        units.setString(4, unit.topic());
                        units.setString(5, unit.description());
                        units.setString(6, unit.icon());
                        units.addBatch();
                        List<LevelType> types = LevelType.standard();
                        for (int l = 0; l < types.size(); l++) {
                            levels.setObject(1, ids.next());
                            levels.setObject(2, unitId);
                            levels.setObject(3, template.id());
                            levels.setInt(4, l + 1);
                            levels.setInt(5, ++position);
                            levels.setString(6, types.get(l).code());
                            levels.setInt(7, types.get(l).totalSteps());
                            levels.setString(8, types.get(l).goal(unit.topic()));
                            levels.addBatch();
                        }
                    }
                }
                sections.executeBatch();
                units.executeBatch();
                levels.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void archiveActive(UUID userId, Instant now) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update enrollments set status = 'archived' where user_id = ? and status = 'active'")) {
                update.setObject(1, userId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public UUID enroll(UUID enrollmentId, UUID userId, UUID templateId, Instant now) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement reactivate = connection.prepareStatement(
                    "update enrollments set status = 'active' where user_id = ? and course_template_id = ? returning id")) {
                reactivate.setObject(1, userId);
                reactivate.setObject(2, templateId);
                try (ResultSet row = reactivate.executeQuery()) {
                    if (row.next()) return row.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into enrollments (id, user_id, course_template_id, status, created_at) values (?, ?, ?, 'active', ?)")) {
                insert.setObject(1, enrollmentId);
                insert.setObject(2, userId);
                insert.setObject(3, templateId);
                Jdbc.setInstant(insert, 4, now);
                insert.executeUpdate();
            }
            try (PreparedStatement progress = connection.prepareStatement("""
                    insert into user_level_progress (id, enrollment_id, level_template_id, status, stars, created_at)
                    select gen_random_uuid(), ?, l.id, case when l.course_position = 1 then 'in_progress' else 'locked' end, 0, ?
                    from course_level_templates l where l.course_template_id = ?""")) {
                progress.setObject(1, enrollmentId);
                Jdbc.setInstant(progress, 2, now);
                progress.setObject(3, templateId);
                progress.executeUpdate();
            }
            return enrollmentId;
        });
    }

    @Override
    public Optional<CourseLevel> level(UUID enrollmentId, UUID levelTemplateId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + LEVEL_COLUMNS + " where l.id = ?")) {
                select.setObject(1, enrollmentId);
                select.setObject(2, levelTemplateId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(level(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<CourseLevel> levels(UUID enrollmentId, LevelType type) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + LEVEL_COLUMNS + " where l.type = ? order by l.course_position")) {
                select.setObject(1, enrollmentId);
                select.setString(2, type.code());
                List<CourseLevel> levels = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) levels.add(level(row));
                }
                return levels;
            }
        });
    }

    private static CourseLevel level(ResultSet row) throws SQLException {
        return new CourseLevel(row.getObject(1, UUID.class), LevelType.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                row.getString(3), row.getString(4), row.getInt(5),
                LevelStatus.valueOf(row.getString(6).toUpperCase(Locale.ROOT)), row.getInt(7));
    }

    @Override
    public void updateProgress(UUID enrollmentId, UUID levelTemplateId, LevelStatus status, int stars, Instant completedAt) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update user_level_progress set status = ?, stars = ?, completed_at = coalesce(completed_at, ?)
                    where enrollment_id = ? and level_template_id = ?""")) {
                update.setString(1, status.code());
                update.setInt(2, stars);
                Jdbc.setInstant(update, 3, completedAt);
                update.setObject(4, enrollmentId);
                update.setObject(5, levelTemplateId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void recordAttempt(LevelAttempt attempt) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into user_level_attempts (id, enrollment_id, level_template_id, status, stars, xp_gained, answers, created_at)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
                insert.setObject(1, attempt.id());
                insert.setObject(2, attempt.enrollmentId());
                insert.setObject(3, attempt.levelTemplateId());
                insert.setString(4, attempt.status().code());
                insert.setInt(5, attempt.stars());
                insert.setInt(6, attempt.xpGained());
                insert.setString(7, attempt.answersJson());
                Jdbc.setInstant(insert, 8, attempt.at());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean unlockNext(UUID enrollmentId, UUID levelTemplateId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update user_level_progress p set status = 'in_progress'
                    from course_level_templates done
                    join course_level_templates next on next.course_template_id = done.course_template_id
                         and next.course_position = done.course_position + 1
                    where done.id = ? and p.enrollment_id = ? and p.level_template_id = next.id and p.status = 'locked'""")) {
                update.setObject(1, levelTemplateId);
                update.setObject(2, enrollmentId);
                return update.executeUpdate() > 0;
            }
        });
    }
}
