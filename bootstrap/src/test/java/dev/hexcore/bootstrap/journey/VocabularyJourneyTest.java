package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.bootstrap.support.Journeys.Account;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: the course journey continued into spaced-repetition reviews (FSRS-6, fuzz off in tests). */
@QuarkusTest
class VocabularyJourneyTest {
    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(Account user) {
        return bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON);
    }

    private static JsonPath lessonOf(Account user) {
        String level = CourseJourneyTest.levelIds(as(user).get("/api/v1/path/").then().statusCode(200).extract().jsonPath()).get(0);
        return as(user).body(Map.of("level_template_id", level)).post("/api/v1/lessons/generate")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath review(Account user, Object vocabularyId, Object rating, int status) {
        return as(user).body(Map.of("vocabulary_id", vocabularyId, "rating", rating)).post("/api/v1/vocabulary/review")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void lessonWordsAreReviewedEasyLaterAndForgottenSooner() throws SQLException {
        Account user = CourseJourneyTest.learnerWithCourse("vocab");
        JsonPath lesson = lessonOf(user);
        List<String> itemIds = lesson.getList("vocabulary_items.id", String.class);
        assertThat(itemIds).isNotEmpty();

        JsonPath daily = as(user).get("/api/v1/vocabulary/daily-review").then().statusCode(200).extract().jsonPath();
        List<String> due = daily.getList("vocabulary_id", String.class);
        assertThat(due).hasSize(Math.min(10, itemIds.size()));
        assertThat(daily.getList("state", String.class)).containsOnly("new");
        assertThat(daily.getList("word", String.class)).isSubsetOf(lesson.getList("vocabulary_items.word", String.class));

        // the lesson's vocabulary item id resolves to the user lexeme
        String itemId = itemIds.get(0);
        Instant before = Instant.now();
        JsonPath easy = review(user, itemId, 5, 200);
        String lexemeId = easy.getString("vocabulary_id");
        assertThat(lexemeId).isNotEqualTo(itemId).isIn(due);
        assertThat(easy.getInt("rating")).isEqualTo(5);
        assertThat(easy.getString("state")).isEqualTo("review");
        // FSRS-6 first Easy: stability w3 = 16.1507 days → 16 days at retention 0.9; mastery band 7..21 days = 3
        assertThat(easy.getInt("interval_days")).isEqualTo(16);
        assertThat(easy.getInt("mastery_level")).isEqualTo(3);
        Instant easyDue = Instant.parse(easy.getString("next_review_at"));
        assertThat(easyDue).isAfter(before.plus(Duration.ofDays(15)));

        JsonPath shown = as(user).get("/api/v1/lessons/" + lesson.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getInt("vocabulary_items[0].mastery_level")).isEqualTo(3);

        JsonPath again = review(user, lexemeId, 1, 200);
        assertThat(again.getString("vocabulary_id")).isEqualTo(lexemeId);
        assertThat(again.getString("state")).isEqualTo("relearning");
        assertThat(again.getInt("interval_days")).isZero();
        assertThat(Instant.parse(again.getString("next_review_at"))).isBefore(easyDue)
                .isBefore(Instant.now().plus(Duration.ofMinutes(11)));

        assertThat(reviewLog(lexemeId)).containsExactly("5:new->review:0d/16d", "1:review->relearning:0d/0d");

        // one new item introduced today: the rest of today's quota is offered, the relearning item is not yet due
        JsonPath next = as(user).get("/api/v1/vocabulary/daily-review?limit=100").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("vocabulary_id", String.class)).doesNotContain(lexemeId)
                .hasSize(Math.min(9, itemIds.size() - 1));
        assertThat(as(user).get("/api/v1/vocabulary/daily-review?limit=1").then().statusCode(200).extract()
                .jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void badRatingsLimitsAndOtherPeoplesItemsAreRefused() {
        Account owner = CourseJourneyTest.learnerWithCourse("vocabown");
        String itemId = lessonOf(owner).getList("vocabulary_items.id", String.class).get(0);
        for (int rating : List.of(0, 6, -1)) {
            as(owner).body(Map.of("vocabulary_id", itemId, "rating", rating)).post("/api/v1/vocabulary/review")
                    .then().statusCode(422).contentType(PROBLEM_JSON);
        }
        // a rating of the wrong JSON type is malformed input (400, ADR 0012), like any other field
        as(owner).body(Map.of("vocabulary_id", itemId, "rating", "five")).post("/api/v1/vocabulary/review")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(owner).body(Map.of("vocabulary_id", itemId)).post("/api/v1/vocabulary/review")
                .then().statusCode(422).contentType(PROBLEM_JSON);
        review(owner, UUID.randomUUID().toString(), 4, 404);
        as(owner).get("/api/v1/vocabulary/daily-review?limit=0").then().statusCode(422).contentType(PROBLEM_JSON);
        as(owner).get("/api/v1/vocabulary/daily-review?limit=101").then().statusCode(422).contentType(PROBLEM_JSON);
        as(owner).get("/api/v1/vocabulary/daily-review?limit=abc").then().statusCode(422).contentType(PROBLEM_JSON);
        as(owner).get("/api/v1/vocabulary/daily-review?limit=99999999999").then().statusCode(422).contentType(PROBLEM_JSON);

        Account other = CourseJourneyTest.learnerWithCourse("vocabother");
        String lexemeId = review(owner, itemId, 4, 200).getString("vocabulary_id");
        as(other).body(Map.of("vocabulary_id", itemId, "rating", 4)).post("/api/v1/vocabulary/review")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        review(other, lexemeId, 4, 404);
    }

    @Test
    void theExportHoldsEverythingAndTheResetDeletesLearningButKeepsXp() {
        Account user = CourseJourneyTest.learnerWithCourse("vocabdata");
        JsonPath lesson = lessonOf(user);
        int words = lesson.getList("vocabulary_items").size();
        String lexemeId = review(user, lesson.getString("vocabulary_items[0].id"), 4, 200).getString("vocabulary_id");
        long xp = as(user).get("/api/v1/gamification/summary").then().statusCode(200).extract().jsonPath().getLong("xp");
        assertThat(xp).isEqualTo(1);

        JsonPath export = as(user).get("/api/v1/users/me/export").then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("profile.id")).isEqualTo(user.id());
        assertThat(export.getString("profile.password_hash")).isNull();
        assertThat(export.getLong("profile.xp")).isEqualTo(xp);
        assertThat(export.getList("enrollments")).hasSize(1);
        assertThat(export.getList("enrollments[0].progress")).isNotEmpty();
        assertThat(export.getList("lessons.id", String.class)).containsExactly(lesson.getString("id"));
        assertThat(export.getList("lessons[0].vocabulary_items")).hasSize(words);
        assertThat(export.getList("vocabulary")).hasSize(words);
        assertThat(export.getList("vocabulary.find { it.id == '" + lexemeId + "' }.reviews.rating", Integer.class))
                .containsExactly(4);
        assertThat(export.getList("achievements.code", String.class)).contains("FIRST_REVIEW");

        JsonPath reset = as(user).post("/api/v1/users/me/reset").then().statusCode(200).extract().jsonPath();
        assertThat(reset.getLong("enrollments")).isEqualTo(1);
        assertThat(reset.getLong("lessons")).isEqualTo(1);
        assertThat(reset.getLong("vocabulary_items")).isEqualTo(words);
        assertThat(reset.getLong("user_lexemes")).isEqualTo(words);
        assertThat(reset.getLong("reviews")).isEqualTo(1);

        JsonPath after = as(user).get("/api/v1/users/me/export").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("enrollments")).isEmpty();
        assertThat(after.getList("lessons")).isEmpty();
        assertThat(after.getList("vocabulary")).isEmpty();
        assertThat(after.getLong("profile.xp")).isEqualTo(xp);
        assertThat(after.getList("achievements.code", String.class)).contains("FIRST_REVIEW");
        as(user).get("/api/v1/path/").then().statusCode(404);
        assertThat(as(user).post("/api/v1/users/me/reset").then().statusCode(200).extract().jsonPath()
                .getLong("user_lexemes")).isZero();
    }

    private List<String> reviewLog(String lexemeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select rating, state_before, state_after, elapsed_days, scheduled_days from vocabulary_reviews
                     where user_lexeme_id = ?::uuid order by reviewed_at""")) {
            select.setString(1, lexemeId);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getInt(1) + ":" + row.getString(2) + "->" + row.getString(3) + ":"
                            + row.getInt(4) + "d/" + row.getInt(5) + "d");
                }
            }
            return rows;
        }
    }
}
