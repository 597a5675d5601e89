package dev.hexcore.adapters.rest.course;

import java.time.Instant;
import java.util.List;

/**
 * The shapes of the course and lesson views for the OpenAPI document. The routes answer the JSON PostgreSQL builds
 * in this shape (ADR 0015: stored JSON passed through), so these records are never instantiated.
 */
final class CourseDocs {
    private CourseDocs() {
    }

    record ActiveCourse(String id, String enrollmentId, String slug, int version, String targetLanguage, String theme,
                        String cefrLevel, List<String> interests, String status, Instant createdAt, List<Section> sections) {
    }

    record Section(String id, int order, String title, String description, List<Unit> units) {
    }

    record Unit(String id, int order, String topic, String description, String icon, List<Level> levels) {
    }

    /** {@code type}: lesson, practice or trophy; {@code status}: locked, in_progress, completed or gold. */
    record Level(String id, int order, String type, int totalSteps, String goal, String status, int stars) {
    }

    record GeneratedLesson(String id, String levelTemplateId, String topicSnapshot, String contentText,
                           List<VocabularyItem> vocabularyItems, List<Exercise> exercises, String qualityStatus,
                           int repairCount, List<String> validationErrors, String provider, String model,
                           String promptVersion, Instant createdAt) {
    }

    record VocabularyItem(String id, String word, String translation, String contextSentence, int masteryLevel,
                          Instant nextReviewAt) {
    }

    /** {@code type}: choice, fill_blank or translate. */
    record Exercise(String type, String question, List<String> options, String answer) {
    }

    record LessonPage(List<GeneratedLesson> items, int page, int limit, long total) {
    }

    static final String COURSE_EXAMPLE = """
            {"id":"0193a4f0-7c1e-7000-8000-000000000001","enrollment_id":"0193a4f0-7c1e-7000-8000-000000000002",\
            "slug":"kazakh-a1-3f9a0c1d2e4b5a69","version":1,"target_language":"Kazakh","theme":"Kazakh through Travel",\
            "cefr_level":"A1","interests":["Travel"],"status":"active","created_at":"2026-12-04T22:30:00.123+00:00",\
            "sections":[{"id":"0193a4f0-7c1e-7000-8000-000000000003","order":1,"title":"Travel",\
            "description":"Kazakh for Travel at A1","units":[{"id":"0193a4f0-7c1e-7000-8000-000000000004","order":1,\
            "topic":"Travel: first words","description":"Greetings and the first words about Travel","icon":"star",\
            "levels":[{"id":"0193a4f0-7c1e-7000-8000-000000000005","order":1,"type":"lesson","total_steps":5,\
            "goal":"Learn the words of Travel: first words","status":"in_progress","stars":0}]}]}]}""";
    static final String LESSON_EXAMPLE = """
            {"id":"0193a4f0-7c1e-7000-8000-000000000010","level_template_id":"0193a4f0-7c1e-7000-8000-000000000005",\
            "topic_snapshot":"Travel: first words","content_text":"Сәлем! Менің атым Айгүл. ...",\
            "vocabulary_items":[{"id":"0193a4f0-7c1e-7000-8000-000000000011","word":"сәлем","translation":"hello",\
            "context_sentence":"Сәлем! Менің атым Айгүл.","mastery_level":0,"next_review_at":null}],\
            "exercises":[{"type":"translate","question":"Translate into Kazakh: hello","options":["атым","сәлем"],\
            "answer":"сәлем"}],"quality_status":"ok","repair_count":0,"validation_errors":[],"provider":"offline",\
            "model":"offline","prompt_version":"lesson-v1","created_at":"2026-12-04T22:31:00.456+00:00"}""";
}
