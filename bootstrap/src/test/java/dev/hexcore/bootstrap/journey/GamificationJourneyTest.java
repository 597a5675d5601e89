package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.hexcore.application.gamification.GamificationService;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.domain.gamification.GamificationEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 14: XP counted once per event, streaks in the user's time zone, freezes bought under concurrency. */
@QuarkusTest
class GamificationJourneyTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    GamificationService gamification;

    private static RequestSpecification as(Account user) {
        return bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON);
    }

    private static JsonPath summary(Account user) {
        return as(user).get("/api/v1/gamification/summary").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRedeliveredEventAddsXpOnceAndLocalMidnightSeparatesDays() {
        Account user = newUser("gamexp");
        UUID userId = UUID.fromString(user.id());
        as(user).body(Map.of("time_zone", "Asia/Almaty")).patch("/api/v1/users/me").then().statusCode(200);
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        LocalDate today = LocalDate.now(almaty);
        var lateYesterday = today.minusDays(1).atTime(LocalTime.of(23, 30)).atZone(almaty).toInstant();
        var earlyToday = today.atTime(LocalTime.of(0, 30)).atZone(almaty).toInstant();

        var levelDone = new GamificationEvent(UUID.randomUUID(), userId, GamificationEvent.Kind.LEVEL_COMPLETED, 30, lateYesterday);
        gamification.handle(levelDone);
        gamification.handle(levelDone);
        gamification.handle(new GamificationEvent(UUID.randomUUID(), userId, GamificationEvent.Kind.REVIEW_DONE, 1, earlyToday));

        JsonPath summary = summary(user);
        assertThat(summary.getLong("xp")).isEqualTo(31);
        assertThat(summary.getInt("level")).isEqualTo(1);
        assertThat(summary.getInt("current_streak")).isEqualTo(2);
        assertThat(summary.getInt("longest_streak")).isEqualTo(2);
        assertThat(summary.getList("achievements.code", String.class)).containsExactlyInAnyOrder("FIRST_LESSON", "FIRST_REVIEW");

        as(user).body(Map.of("time_zone", "Mars/Olympus")).patch("/api/v1/users/me").then().statusCode(422)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aRefusedProfileChangeLeavesTheTimeZoneAsItWas() {
        Account taken = newUser("gametaken");
        Account user = newUser("gamezone");
        as(user).body(Map.of("time_zone", "Asia/Almaty")).patch("/api/v1/users/me").then().statusCode(200)
                .body("time_zone", equalTo("Asia/Almaty"));

        as(user).body(Map.of("time_zone", "Europe/London", "username", taken.username())).patch("/api/v1/users/me")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("USERNAME_TAKEN"));

        as(user).get("/api/v1/users/me").then().statusCode(200).body("time_zone", equalTo("Asia/Almaty"));
    }

    @Test
    void twoConcurrentFreezePurchasesWithXpForOneLetExactlyOneSucceed() throws Exception {
        Account user = newUser("gamefreeze");
        setXp(user, 49);
        as(user).post("/api/v1/gamification/buy-freeze").then().statusCode(409).contentType(PROBLEM_JSON);
        setXp(user, 60);
        List<Integer> statuses = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return as(user).post("/api/v1/gamification/buy-freeze");
                }));
            }
            start.countDown();
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("code")).isEqualTo("INSUFFICIENT_XP");
                } else {
                    assertThat(response.jsonPath().getInt("freezes_available")).isEqualTo(1);
                    assertThat(response.jsonPath().getLong("xp")).isEqualTo(10);
                }
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonPath summary = summary(user);
        assertThat(summary.getLong("xp")).isEqualTo(10);
        assertThat(summary.getInt("freezes_available")).isEqualTo(1);
    }

    @Test
    void completingEveryLevelOfASectionUnlocksItsAchievementOnce() {
        Account user = CourseJourneyTest.learnerWithCourse("gamesection");
        JsonPath course = as(user).get("/api/v1/path/").then().statusCode(200).extract().jsonPath();
        List<String> firstSection = course.getList("sections[0].units.levels.id.flatten()", String.class);
        for (int i = 0; i < firstSection.size(); i++) {
            assertThat(summary(user).getList("achievements.code", String.class)).doesNotContain("SECTION_COMPLETED");
            as(user).body(Map.of("level_template_id", firstSection.get(i), "status", "completed", "stars", 3, "xp_gained", 10))
                    .patch("/api/v1/path/progress").then().statusCode(200);
        }
        JsonPath summary = summary(user);
        assertThat(summary.getList("achievements.code", String.class)).containsOnlyOnce("SECTION_COMPLETED", "FIRST_LESSON");
        assertThat(summary.getLong("xp")).isEqualTo(10L * firstSection.size());
        assertThat(summary.getInt("current_streak")).isEqualTo(1);
    }

    private void setXp(Account user, long xp) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update users set xp = ? where id = ?::uuid")) {
            update.setLong(1, xp);
            update.setString(2, user.id());
            update.executeUpdate();
        }
    }
}
