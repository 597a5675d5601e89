package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.bootstrap.support.Journeys.Account;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Seed 002 §18.3–18.4 end to end on the offline provider: course, progress and XP, lessons, the dictionary. */
@QuarkusTest
class CourseJourneyTest {
    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(Account user) {
        return bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON);
    }

    /** Registers, logs in with the form, sets Kazakh as the target and generates a Travel + Music course at A1. */
    static Account learnerWithCourse(String prefix) {
        Account user = newUser(prefix);
        as(user).body(Map.of("native_language", "Russian", "target_language", "Kazakh"))
                .put("/api/v1/users/me/languages").then().statusCode(200);
        as(user).body(Map.of("interests", List.of("Travel", "Music"), "level", "A1", "regenerate", false))
                .post("/api/v1/path/generate").then().statusCode(200);
        return user;
    }

    static List<String> levelIds(JsonPath course) {
        return course.getList("sections.units.levels.id.flatten()", String.class);
    }

    @Test
    void theSeedJourneyOnTheOfflineProvider() throws SQLException {
        Account user = newUser("course");
        as(user).get("/api/v1/path/").then().statusCode(404).contentType(PROBLEM_JSON);
        as(user).body(Map.of("native_language", "Russian", "target_language", "Kazakh"))
                .put("/api/v1/users/me/languages").then().statusCode(200);

        JsonPath generated = as(user).body(Map.of("interests", List.of("Travel", "Music"), "level", "A1", "regenerate", true))
                .post("/api/v1/path/generate").then().statusCode(200).extract().jsonPath();
        assertThat(generated.getString("target_language")).isEqualTo("Kazakh");
        assertThat(generated.getString("cefr_level")).isEqualTo("A1");
        assertThat(generated.getList("sections.title", String.class)).containsExactly("Travel", "Music");
        List<String> types = generated.getList("sections.units.levels.type.flatten()", String.class);
        assertThat(types).hasSize(12).startsWith("lesson", "practice", "trophy", "lesson");
        List<String> statuses = generated.getList("sections.units.levels.status.flatten()", String.class);
        assertThat(statuses.get(0)).isEqualTo("in_progress");
        assertThat(statuses.subList(1, statuses.size())).containsOnly("locked");

        JsonPath course = as(user).get("/api/v1/path/").then().statusCode(200).extract().jsonPath();
        assertThat(course.getMap("$")).isEqualTo(generated.getMap("$"));
        List<String> levels = levelIds(course);

        // the same interests without regenerate: the active course as it is
        JsonPath same = as(user).body(Map.of("interests", List.of("Music", "Travel"), "level", "A1"))
                .post("/api/v1/path/generate").then().statusCode(200).extract().jsonPath();
        assertThat(same.getString("enrollment_id")).isEqualTo(course.getString("enrollment_id"));

        // a lesson for the first level, in Kazakh, whose words all occur in its text
        JsonPath lesson = as(user).body(Map.of("level_template_id", levels.get(0), "topic", "Travel", "level", "A1",
                "generation_mode", "balanced")).post("/api/v1/lessons/generate").then().statusCode(200).extract().jsonPath();
        assertThat(lesson.getString("quality_status")).isEqualTo("ok");
        assertThat(lesson.getInt("repair_count")).isZero();
        assertThat(lesson.getString("provider")).isEqualTo("offline");
        assertThat(lesson.getString("prompt_version")).isEqualTo("lesson-v1");
        assertThat(lesson.getString("content_text")).contains("Сәлем");
        List<String> words = lesson.getList("vocabulary_items.word", String.class);
        assertThat(words).isNotEmpty().allSatisfy(word -> assertThat(lesson.getString("content_text").toLowerCase()).contains(word));
        assertThat(lesson.getList("exercises")).isNotEmpty();
        assertThat(lesson.getList("exercises.answer", String.class)).allSatisfy(answer -> assertThat(words).contains(answer));
        String lessonId = lesson.getString("id");

        String again = as(user).body(Map.of("level_template_id", levels.get(0))).post("/api/v1/lessons/generate")
                .then().statusCode(200).extract().path("id");
        assertThat(again).as("the stored lesson, no second one").isEqualTo(lessonId);

        JsonPath page = as(user).get("/api/v1/lessons/?skip=0&limit=10").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(1);
        assertThat(page.getString("items[0].id")).isEqualTo(lessonId);
        JsonPath one = as(user).get("/api/v1/lessons/" + lessonId).then().statusCode(200).extract().jsonPath();
        assertThat(one.getMap("$")).isEqualTo(lesson.getMap("$"));
        as(newUser("other")).get("/api/v1/lessons/" + lessonId).then().statusCode(404).contentType(PROBLEM_JSON);
        as(user).get("/api/v1/lessons/not-a-uuid").then().statusCode(404);

        // progress: bad reports, a locked level, then the first level completed unlocks the second and adds XP
        as(user).body(Map.of("level_template_id", levels.get(0), "status", "completed", "stars", 4, "xp_gained", 10))
                .patch("/api/v1/path/progress").then().statusCode(422).contentType(PROBLEM_JSON);
        as(user).body(Map.of("level_template_id", levels.get(0), "status", "completed", "stars", 1, "xp_gained", -1))
                .patch("/api/v1/path/progress").then().statusCode(422);
        as(user).body(Map.of("level_template_id", levels.get(0), "status", "completed", "stars", 1, "xp_gained", 1_000_000))
                .patch("/api/v1/path/progress").then().statusCode(422);
        as(user).body(Map.of("level_template_id", levels.get(2), "status", "completed", "stars", 3, "xp_gained", 10))
                .patch("/api/v1/path/progress").then().statusCode(409).contentType(PROBLEM_JSON);
        as(user).body(Map.of("level_template_id", levels.get(0), "status", "completed", "stars", 3, "xp_gained", 1,
                "answers", List.of("a"))).patch("/api/v1/path/progress").then().statusCode(422);
        JsonPath progress = as(user).body(Map.of("level_template_id", levels.get(0), "status", "completed", "stars", 3,
                "xp_gained", 50, "answers", Map.of("1", "сәлем"))).patch("/api/v1/path/progress").then().statusCode(200)
                .extract().jsonPath();
        assertThat(progress.getString("status")).isEqualTo("success");
        assertThat(progress.getString("new_status")).isEqualTo("completed");
        assertThat(progress.getBoolean("next_level_unlocked")).isTrue();
        assertThat(progress.getLong("user_total_xp")).isEqualTo(50);
        JsonPath after = as(user).get("/api/v1/path/").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("sections.units.levels.status.flatten()", String.class).subList(0, 3))
                .containsExactly("completed", "in_progress", "locked");
        assertThat(after.getList("sections.units.levels.stars.flatten()", Integer.class).get(0)).isEqualTo(3);
        long xp = as(user).body(Map.of("level_template_id", levels.get(1), "status", "gold", "stars", 3, "xp_gained", 20))
                .patch("/api/v1/path/progress").then().statusCode(200).extract().jsonPath().getLong("user_total_xp");
        assertThat(xp).isEqualTo(70);
        assertThat(count("select count(*) from user_level_attempts a join enrollments e on e.id = a.enrollment_id "
                + "where e.user_id = ?", user.id())).isEqualTo(2);
        assertThat(count("select count(*) from user_level_attempts a join enrollments e on e.id = a.enrollment_id "
                + "where e.user_id = ? and a.answers = '{\"1\": \"сәлем\"}'::jsonb", user.id())).isEqualTo(1);

        // generate-full: the active course and lessons for its first two lesson levels (the first one stored already)
        JsonPath full = as(user).body(Map.of("interests", List.of("Travel", "Music"), "level", "A1", "max_topics", 2,
                        "sleep_seconds", 0, "regenerate_path", false, "force_regenerate_lessons", false, "generation_mode", "fast"))
                .post("/api/v1/path/generate-full").then().statusCode(200).extract().jsonPath();
        assertThat(full.getString("course.enrollment_id")).isEqualTo(course.getString("enrollment_id"));
        assertThat(full.getList("lessons.level_template_id", String.class)).containsExactly(levels.get(0), levels.get(3));
        assertThat(full.getString("lessons[0].id")).isEqualTo(lessonId);
        assertThat(full.getList("failed_topics")).isEmpty();
        assertThat(full.getString("retry_after_seconds")).isNull();

        // the same words in two lessons are one user lexeme each, linked from both lessons
        assertThat(count("select count(*) from user_lexemes where user_id = ?", user.id())).isEqualTo(words.size());
        assertThat(count("select count(*) from lesson_lexemes l join generated_lessons g on g.id = l.generated_lesson_id "
                + "join enrollments e on e.id = g.enrollment_id where e.user_id = ?", user.id())).isEqualTo(2L * words.size());

        // retry-lessons: the core again (exercises cleared, needs_review), then the exercises again (ok)
        JsonPath core = as(user).body(Map.of("level_template_ids", List.of(levels.get(0)), "level", "A1", "sleep_seconds", 0,
                "mode", "core", "generation_mode", "balanced")).post("/api/v1/path/retry-lessons").then().statusCode(200)
                .extract().jsonPath();
        assertThat(core.getString("lessons[0].id")).isEqualTo(lessonId);
        assertThat(core.getString("lessons[0].quality_status")).isEqualTo("needs_review");
        assertThat(core.getList("lessons[0].exercises")).isEmpty();
        JsonPath exercises = as(user).body(Map.of("level_template_ids", List.of(levels.get(0)), "mode", "exercises"))
                .post("/api/v1/path/retry-lessons").then().statusCode(200).extract().jsonPath();
        assertThat(exercises.getString("lessons[0].quality_status")).isEqualTo("ok");
        assertThat(exercises.getList("lessons[0].exercises")).isNotEmpty();
        // the lesson routes: a bare POST (no body, no Content-Type) regenerates; someone else's lesson is a 404
        JsonPath regenCore = bearer(newAddress(), user.tokens().access()).post("/api/v1/lessons/" + lessonId + "/regen-core")
                .then().statusCode(200).extract().jsonPath();
        assertThat(regenCore.getString("quality_status")).isEqualTo("needs_review");
        assertThat(regenCore.getList("exercises")).isEmpty();
        assertThat(regenCore.getList("vocabulary_items.word", String.class)).containsExactlyElementsOf(words);
        JsonPath regenExercises = as(user).post("/api/v1/lessons/" + lessonId + "/regen-exercises?generation_mode=strict")
                .then().statusCode(200).extract().jsonPath();
        assertThat(regenExercises.getString("quality_status")).isEqualTo("ok");
        assertThat(regenExercises.getList("exercises")).isNotEmpty();
        as(user).post("/api/v1/lessons/" + lessonId + "/regen-exercises?generation_mode=sloppy").then().statusCode(422);
        as(newUser("other")).post("/api/v1/lessons/" + lessonId + "/regen-core").then().statusCode(404);
        assertThat(count("select count(*) from user_lexemes where user_id = ?", user.id())).isEqualTo(words.size());
        as(user).body(Map.of("level_template_ids", List.of(), "mode", "core")).post("/api/v1/path/retry-lessons")
                .then().statusCode(422);
        as(user).body(Map.of("level_template_ids", List.of(levels.get(0)), "mode", "everything"))
                .post("/api/v1/path/retry-lessons").then().statusCode(422);
        JsonPath unknown = as(user).body(Map.of("level_template_ids", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/path/retry-lessons").then().statusCode(200).extract().jsonPath();
        assertThat(unknown.getList("failed_topics.error", String.class)).containsExactly("NOT_FOUND");

        // regenerate: a new active course, the previous enrollment archived
        JsonPath fresh = as(user).body(Map.of("interests", List.of("Travel", "Music"), "level", "A1", "regenerate", true))
                .post("/api/v1/path/generate").then().statusCode(200).extract().jsonPath();
        assertThat(fresh.getString("enrollment_id")).isNotEqualTo(course.getString("enrollment_id"));
        assertThat(fresh.getInt("version")).isGreaterThan(course.getInt("version"));
        as(user).get("/api/v1/lessons/").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aSecondLearnerWithTheSameInterestsSharesTheTemplate() {
        JsonPath first = as(learnerWithCourse("share")).get("/api/v1/path/").then().statusCode(200).extract().jsonPath();
        JsonPath second = as(learnerWithCourse("share")).get("/api/v1/path/").then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("id")).isEqualTo(first.getString("id"));
        assertThat(second.getString("enrollment_id")).isNotEqualTo(first.getString("enrollment_id"));
    }

    @Test
    void badCourseAndLessonRequestsAreProblems() {
        Account user = newUser("course");
        as(user).body(Map.of("interests", List.of(), "level", "A1")).post("/api/v1/path/generate").then().statusCode(422)
                .contentType(PROBLEM_JSON);
        as(user).body(Map.of("interests", List.of("Travel"), "level", "Z9")).post("/api/v1/path/generate").then().statusCode(422);
        as(user).body(Map.of("level_template_id", UUID.randomUUID().toString())).post("/api/v1/lessons/generate")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(user).body(Map.of("level_template_id", UUID.randomUUID().toString())).patch("/api/v1/path/progress")
                .then().statusCode(422);
        as(user).body(Map.of("level_template_id", UUID.randomUUID().toString(), "status", "completed"))
                .patch("/api/v1/path/progress").then().statusCode(404);
        Account learner = learnerWithCourse("course");
        as(learner).body(Map.of("level_template_id", UUID.randomUUID().toString())).post("/api/v1/lessons/generate")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        as(learner).body(Map.of("interests", List.of("Travel"), "level", "A1", "max_topics", 0))
                .post("/api/v1/path/generate-full").then().statusCode(422);
        as(learner).body(Map.of("interests", List.of("Travel"), "level", "A1", "sleep_seconds", 11))
                .post("/api/v1/path/generate-full").then().statusCode(422);
    }

    @Test
    void eightParallelCallsForOneLevelMakeOneLessonAndTheSixthInAMinuteIsRefused() throws Exception {
        Account user = learnerWithCourse("burst");
        String level = levelIds(as(user).get("/api/v1/path/").then().statusCode(200).extract().jsonPath()).get(0);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> as(user).body(Map.of("level_template_id", level)).post("/api/v1/lessons/generate"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> future : pool.invokeAll(calls)) responses.add(future.get());
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertThat(codes).as("5 a minute per user").containsOnly(200, 429);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(5);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).map(r -> r.jsonPath().getString("id")).distinct())
                .hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow().contentType())
                .startsWith(PROBLEM_JSON);
        assertThat(count("select count(*) from generated_lessons g join enrollments e on e.id = g.enrollment_id "
                + "where e.user_id = ?", user.id())).isEqualTo(1);
    }

    private long count(String sql, String userId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, UUID.fromString(userId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
