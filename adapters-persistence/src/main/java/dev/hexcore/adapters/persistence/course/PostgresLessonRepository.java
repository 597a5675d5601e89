package dev.hexcore.adapters.persistence.course;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.course.LessonClaim;
import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonDraft;
import dev.hexcore.domain.course.LessonReader;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.course.StoredLesson;
import dev.hexcore.domain.course.Words;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
 * Generated lessons, their vocabulary and the normalised dictionary in plain SQL through Agroal. The lesson views
 * are built as JSON by PostgreSQL in one statement each ({@link #LESSON_JSON}); a page and its total are one statement.
 */
@ApplicationScoped
public class PostgresLessonRepository implements LessonRepository, LessonReader {
    /** GeneratedLessonResponse of lesson {@code g}. */
    static final String LESSON_JSON = """
            json_build_object('id', g.id, 'level_template_id', g.level_template_id, 'topic_snapshot', g.topic_snapshot,
              'content_text', g.content_text,
              'vocabulary_items', coalesce((select json_agg(json_build_object('id', v.id, 'word', v.word,
                  'translation', v.translation, 'context_sentence', v.context_sentence, 'mastery_level', v.mastery_level,
                  'next_review_at', v.next_review_at) order by v."order")
                from generated_vocabulary_items v where v.generated_lesson_id = g.id), '[]'::json),
              'exercises', g.exercises, 'quality_status', g.quality_status, 'repair_count', g.repair_count,
              'validation_errors', g.validation_errors, 'provider', g.provider, 'model', g.model,
              'prompt_version', g.prompt_version, 'created_at', g.created_at)::text""";
    private static final String BY_ID = "select " + LESSON_JSON + """

            from generated_lessons g join enrollments e on e.id = g.enrollment_id
            where g.id = ? and e.user_id = ? and g.quality_status <> 'generating'""";
    private static final String PAGE = """
            with mine as (
              select g.* from generated_lessons g join enrollments e on e.id = g.enrollment_id
              where e.user_id = ? and e.status = 'active' and g.quality_status <> 'generating')
            select t.total, p.lesson
            from (select count(*) as total from mine) t
            left join lateral (select %s as lesson from mine g order by g.created_at desc, g.id desc offset ? limit ?) p on true
            """.formatted(LESSON_JSON);

    private final AgroalDataSource dataSource;
    private final IdGenerator ids;

    public PostgresLessonRepository(AgroalDataSource dataSource, IdGenerator ids) {
        this.dataSource = dataSource;
        this.ids = ids;
    }

    @Override
    public Optional<String> lessonJson(UUID userId, UUID lessonId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(BY_ID)) {
                select.setObject(1, lessonId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<String> activeCourseLessons(UUID userId, PageRequest page) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PAGE)) {
                select.setObject(1, userId);
                select.setLong(2, page.offset());
                select.setInt(3, page.limit());
                List<String> items = new ArrayList<>();
                long total = 0;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        total = row.getLong(1);
                        String lesson = row.getString(2);
                        if (lesson != null) items.add(lesson);
                    }
                }
                return new Page<>(items, page.page(), page.limit(), total);
            }
        });
    }

    @Override
    public LessonClaim claim(UUID candidateId, UUID enrollmentId, UUID levelTemplateId, String topic, String promptVersion,
                             Instant now, Instant staleBefore) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into generated_lessons (id, enrollment_id, level_template_id, topic_snapshot, prompt_version,
                        quality_status, claimed_at, created_at)
                    values (?, ?, ?, ?, ?, 'generating', ?, ?)
                    on conflict (enrollment_id, level_template_id) do nothing returning id""")) {
                insert.setObject(1, candidateId);
                insert.setObject(2, enrollmentId);
                insert.setObject(3, levelTemplateId);
                insert.setString(4, topic);
                insert.setString(5, promptVersion);
                Jdbc.setInstant(insert, 6, now);
                Jdbc.setInstant(insert, 7, now);
                try (ResultSet row = insert.executeQuery()) {
                    if (row.next()) return new LessonClaim(candidateId, true, false);
                }
            }
            // someone else's: taken over when its claim is stale (its owner died mid-generation)
            try (PreparedStatement takeOver = connection.prepareStatement("""
                    update generated_lessons set claimed_at = ?
                    where enrollment_id = ? and level_template_id = ? and quality_status = 'generating' and claimed_at < ?
                    returning id""")) {
                Jdbc.setInstant(takeOver, 1, now);
                takeOver.setObject(2, enrollmentId);
                takeOver.setObject(3, levelTemplateId);
                Jdbc.setInstant(takeOver, 4, staleBefore);
                try (ResultSet row = takeOver.executeQuery()) {
                    if (row.next()) return new LessonClaim(row.getObject(1, UUID.class), true, false);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, quality_status from generated_lessons where enrollment_id = ? and level_template_id = ?")) {
                select.setObject(1, enrollmentId);
                select.setObject(2, levelTemplateId);
                try (ResultSet row = select.executeQuery()) {
                    // released between our insert and this select: claim again on the next round
                    if (!row.next()) return new LessonClaim(candidateId, false, false);
                    return new LessonClaim(row.getObject(1, UUID.class), false, !row.getString(2).equals("generating"));
                }
            }
        });
    }

    @Override
    public Optional<String> status(UUID lessonId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select quality_status from generated_lessons where id = ?")) {
                select.setObject(1, lessonId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void release(UUID lessonId) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from generated_lessons where id = ? and quality_status = 'generating'")) {
                delete.setObject(1, lessonId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public Optional<UUID> lessonOf(UUID enrollmentId, UUID levelTemplateId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id from generated_lessons
                    where enrollment_id = ? and level_template_id = ? and quality_status <> 'generating'""")) {
                select.setObject(1, enrollmentId);
                select.setObject(2, levelTemplateId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveLesson(UUID lessonId, UUID userId, UUID enrollmentId, String targetLanguage, LessonDraft draft, Instant now) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update generated_lessons set content_text = ?, exercises = (?::jsonb)->'exercises', quality_status = ?, repair_count = ?,
                        validation_errors = ?::jsonb, provider = ?, model = ?, prompt_version = ?, input_context = ?::jsonb,
                        raw_model_output = jsonb_build_object('core', ?::jsonb, 'exercises', ?::jsonb)
                    where id = ?""")) {
                update.setString(1, draft.core().text());
                update.setString(2, draft.exercisesJson());
                update.setString(3, quality(draft.quality()));
                update.setInt(4, draft.repairCount());
                update.setString(5, JsonText.strings(draft.validationErrors()));
                update.setString(6, draft.provider());
                update.setString(7, draft.model());
                update.setString(8, draft.promptVersion());
                update.setString(9, JsonText.object(draft.inputContext()));
                update.setString(10, draft.rawCoreJson());
                update.setString(11, draft.rawExercisesJson());
                update.setObject(12, lessonId);
                update.executeUpdate();
            }
            for (String table : List.of("generated_vocabulary_items", "lesson_lexemes")) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where generated_lesson_id = ?")) {
                    delete.setObject(1, lessonId);
                    delete.executeUpdate();
                }
            }
            List<LessonCore.VocabularyEntry> vocabulary = draft.core().vocabulary();
            for (int i = 0; i < vocabulary.size(); i++) {
                LessonCore.VocabularyEntry entry = vocabulary.get(i);
                UUID lexemeId = lexeme(connection, targetLanguage, entry.word());
                UUID userLexemeId = userLexeme(connection, userId, enrollmentId, lexemeId, entry, now);
                try (PreparedStatement link = connection.prepareStatement("""
                        insert into lesson_lexemes (id, generated_lesson_id, lexeme_id, user_lexeme_id, translation, context_sentence)
                        values (?, ?, ?, ?, ?, ?) on conflict (generated_lesson_id, lexeme_id) do nothing""");
                     PreparedStatement item = connection.prepareStatement("""
                        insert into generated_vocabulary_items (id, generated_lesson_id, user_lexeme_id, "order", word, translation,
                            context_sentence, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    link.setObject(1, ids.next());
                    link.setObject(2, lessonId);
                    link.setObject(3, lexemeId);
                    link.setObject(4, userLexemeId);
                    link.setString(5, entry.translation());
                    link.setString(6, entry.contextSentence());
                    link.executeUpdate();
                    item.setObject(1, ids.next());
                    item.setObject(2, lessonId);
                    item.setObject(3, userLexemeId);
                    item.setInt(4, i + 1);
                    item.setString(5, entry.word());
                    item.setString(6, entry.translation());
                    item.setString(7, entry.contextSentence());
                    Jdbc.setInstant(item, 8, now);
                    item.executeUpdate();
                }
            }
            return null;
        });
    }

    private UUID lexeme(Connection connection, String language, String word) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into lexemes (id, target_language, text, normalized) values (?, ?, ?, ?)
                on conflict (target_language, normalized) do update set text = lexemes.text returning id""")) {
            upsert.setObject(1, ids.next());
            upsert.setString(2, language.strip().toLowerCase(Locale.ROOT));
            upsert.setString(3, word);
            upsert.setString(4, Words.normalise(word, language));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private UUID userLexeme(Connection connection, UUID userId, UUID enrollmentId, UUID lexemeId,
                            LessonCore.VocabularyEntry entry, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into user_lexemes (id, user_id, enrollment_id, lexeme_id, translation_preferred,
                    context_sentence_preferred, first_seen_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (user_id, lexeme_id) do update set enrollment_id = excluded.enrollment_id returning id""")) {
            upsert.setObject(1, ids.next());
            upsert.setObject(2, userId);
            upsert.setObject(3, enrollmentId);
            upsert.setObject(4, lexemeId);
            upsert.setString(5, entry.translation());
            upsert.setString(6, entry.contextSentence());
            Jdbc.setInstant(upsert, 7, now);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    @Override
    public void saveExercises(UUID lessonId, String exercisesJson, ResultQuality quality, int repairCount,
                              List<String> validationErrors, String rawExercisesJson) {
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update generated_lessons set exercises = (?::jsonb)->'exercises', quality_status = ?, repair_count = ?,
                        validation_errors = ?::jsonb,
                        raw_model_output = raw_model_output || jsonb_build_object('exercises', ?::jsonb)
                    where id = ?""")) {
                update.setString(1, exercisesJson);
                update.setString(2, quality(quality));
                update.setInt(3, repairCount);
                update.setString(4, JsonText.strings(validationErrors));
                update.setString(5, rawExercisesJson);
                update.setObject(6, lessonId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StoredLesson> find(UUID userId, UUID lessonId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select g.enrollment_id, g.level_template_id, g.topic_snapshot, t.target_language, t.cefr_level,
                        g.content_text, v.word, v.translation, v.context_sentence
                    from generated_lessons g
                    join enrollments e on e.id = g.enrollment_id
                    join course_templates t on t.id = e.course_template_id
                    left join generated_vocabulary_items v on v.generated_lesson_id = g.id
                    where g.id = ? and e.user_id = ? and g.quality_status <> 'generating'
                    order by v."order\"""")) {
                select.setObject(1, lessonId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) return Optional.empty();
                    UUID enrollmentId = row.getObject(1, UUID.class);
                    UUID levelId = row.getObject(2, UUID.class);
                    String topic = row.getString(3);
                    String language = row.getString(4);
                    String level = row.getString(5);
                    String text = row.getString(6);
                    List<LessonCore.VocabularyEntry> vocabulary = new ArrayList<>();
                    do {
                        if (row.getString(7) != null) {
                            vocabulary.add(new LessonCore.VocabularyEntry(row.getString(7), row.getString(8), row.getString(9)));
                        }
                    } while (row.next());
                    return Optional.of(new StoredLesson(lessonId, userId, enrollmentId, levelId, topic, language, level,
                            new LessonCore(text, vocabulary)));
                }
            }
        });
    }

    private static String quality(ResultQuality quality) {
        return quality == ResultQuality.OK ? "ok" : "needs_review";
    }
}
