package dev.hexcore.bootstrap.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.hexcore.application.course.CourseSettings;
import dev.hexcore.application.course.CoursesUseCase;
import dev.hexcore.application.course.LearningPathService;
import dev.hexcore.application.course.LearningPathUseCase;
import dev.hexcore.application.course.LessonGenerator;
import dev.hexcore.application.course.LessonService;
import dev.hexcore.application.course.LessonsUseCase;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.bootstrap.support.HexcoreTestInfrastructure;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonReader;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lesson steps against a stand-in Gemini (WireMock): the gateway's repair round fixes a core whose word is missing
 * from its text; exercises that never pass leave the lesson stored without them, {@code needs_review}; a model over
 * its quota makes generate-full list failed topics with the quota's Retry-After.
 */
@QuarkusTest
class LessonRepairJourneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE = """
            {"text":"Сәлем! Менің атым Айгүл. Мен кітап оқимын. Бүгін ауа райы жақсы.",
             "vocabulary":[{"word":"сәлем","translation":"привет","context_sentence":"Сәлем!"},
                           {"word":"кітап","translation":"книга","context_sentence":"Мен кітап оқимын."},
                           {"word":"ауа райы","translation":"погода","context_sentence":"Бүгін ауа райы жақсы."}%s]}""";
    private static final String EXERCISES = """
            {"exercises":[{"type":"choice","question":"Привет?","options":["сәлем","кітап"],"answer":"%s"},
                          {"type":"translate","question":"книга","options":[],"answer":"кітап"},
                          {"type":"fill_blank","question":"Бүгін ___ райы жақсы.","options":[],"answer":"ауа"}]}""";

    @Inject
    CoursesUseCase coursesUseCase;
    @Inject
    CourseRepository courses;
    @Inject
    LessonRepository lessons;
    @Inject
    LessonReader lessonReader;
    @Inject
    UserRepository users;
    @Inject
    ModelGateway gateway;
    @Inject
    LessonContentCodec codec;
    @Inject
    UnitOfWork unitOfWork;
    @Inject
    IdGenerator ids;
    @Inject
    Clock clock;

    private static WireMockServer gemini() {
        return HexcoreTestInfrastructure.providers();
    }

    private static String path(String model) {
        return "/v1beta/models/" + model + ":generateContent";
    }

    /** Gemini's answer carrying {@code json} as the model's text. */
    private static String reply(String model, String json) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", json);
        candidate.put("finishReason", "STOP").put("index", 0);
        body.putObject("usageMetadata").put("promptTokenCount", 50).put("candidatesTokenCount", 80).put("totalTokenCount", 130);
        body.put("modelVersion", model);
        return JSON.writeValueAsString(body);
    }

    private static void answer(String model, String bodyContains, int priority, String json) throws Exception {
        gemini().stubFor(post(urlPathEqualTo(path(model))).atPriority(priority).withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(reply(model, json))));
    }

    /** Settings as wired, but with lessons made by {@code model} at the stand-in Gemini within {@code budget}. */
    private static CourseSettings settingsFor(String model, Duration budget) {
        return new CourseSettings(List.of(new ModelRef("offline", "offline")), List.of(new ModelRef("gemini", model)),
                budget, 1000, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(5), 10);
    }

    private LessonService lessonsOn(String model) {
        return lessonsWith(settingsFor(model, Duration.ofSeconds(30)));
    }

    private LessonService lessonsWith(CourseSettings settings) {
        return new LessonService(courses, lessons, lessonReader, users, new LessonGenerator(gateway, codec, settings), codec,
                unitOfWork, ids, clock, Sleeper.system(), settings);
    }

    @Test
    void aCoreMissingAWordIsRepairedOnce() throws Exception {
        String model = "gemini-lesson-" + UUID.randomUUID();
        answer(model, "Write a short lesson text", 5, CORE.formatted(
                ",{\"word\":\"алма\",\"translation\":\"яблоко\",\"context_sentence\":\"Алма тәтті.\"}"));
        answer(model, "VOCABULARY_NOT_IN_TEXT", 1, CORE.formatted(""));
        answer(model, "Write 3 to 6 exercises", 5, EXERCISES.formatted("сәлем"));
        Account learner = CourseJourneyTest.learnerWithCourse("repair");
        String level = level(learner, 0);

        JsonPath lesson = JsonPath.from(lessonsOn(model).generate(actor(learner),
                new LessonsUseCase.GenerateLessonCommand(UUID.fromString(level), null, "A1", "balanced")));

        assertThat(lesson.getString("quality_status")).isEqualTo("ok");
        assertThat(lesson.getInt("repair_count")).isEqualTo(1);
        assertThat(lesson.getString("provider")).isEqualTo("gemini");
        assertThat(lesson.getList("vocabulary_items.word", String.class)).containsExactly("сәлем", "кітап", "ауа райы");
        assertThat(lesson.getList("exercises")).hasSize(3);
        assertThat(lesson.getList("validation_errors")).isEmpty();
        gemini().verify(3, postRequestedFor(urlPathEqualTo(path(model))));
        // the learner reads it like any lesson
        bearer(newAddress(), learner.tokens().access()).get("/api/v1/lessons/" + lesson.getString("id"))
                .then().statusCode(200);
    }

    @Test
    void exercisesThatNeverPassLeaveTheLessonForReview() throws Exception {
        String model = "gemini-lesson-" + UUID.randomUUID();
        answer(model, "Write a short lesson text", 5, CORE.formatted(""));
        answer(model, "Write 3 to 6 exercises", 5, EXERCISES.formatted("банан"));
        Account learner = CourseJourneyTest.learnerWithCourse("review");
        String level = level(learner, 3);

        JsonPath lesson = JsonPath.from(lessonsOn(model).generate(actor(learner),
                new LessonsUseCase.GenerateLessonCommand(UUID.fromString(level), "Music", "A1", "balanced")));

        assertThat(lesson.getString("quality_status")).isEqualTo("needs_review");
        assertThat(lesson.getList("exercises")).isEmpty();
        assertThat(lesson.getList("validation_errors", String.class)).contains("ANSWER_NOT_IN_LESSON");
        assertThat(lesson.getInt("repair_count")).as("balanced: one repair round of the exercises").isEqualTo(1);
        assertThat(lesson.getString("content_text")).startsWith("Сәлем!");
        JsonPath stored = bearer(newAddress(), learner.tokens().access()).get("/api/v1/lessons/" + lesson.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("quality_status")).isEqualTo("needs_review");
        assertThat(stored.getList("vocabulary_items")).hasSize(3);
    }

    @Test
    void lessonsNoModelCanMakeAreFailedTopicsWithTheQuotasRetryAfter() {
        String model = "gemini-lesson-" + UUID.randomUUID();
        gemini().stubFor(post(urlPathEqualTo(path(model))).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                        + "\"retryDelay\":\"31s\"}]}}")));
        Account learner = CourseJourneyTest.learnerWithCourse("quota");
        CourseSettings settings = settingsFor(model, Duration.ofSeconds(3));
        LessonService lessonService = lessonsWith(settings);
        LearningPathService path = new LearningPathService(coursesUseCase, lessonService, lessonService, courses, lessons,
                Sleeper.system(), settings);

        LearningPathUseCase.PathResult result = path.generateFull(actor(learner), new LearningPathUseCase.GenerateFullCommand(
                List.of("Travel", "Music"), "A1", 2, 0, false, false, "fast"));

        assertThat(result.lessons()).isEmpty();
        assertThat(result.failedTopics()).extracting(LearningPathUseCase.FailedTopic::error)
                .containsExactly("MODEL_UNAVAILABLE", "MODEL_UNAVAILABLE");
        assertThat(result.retryAfterSeconds()).isPositive();
        assertThat(JsonPath.from(result.course()).getString("target_language")).isEqualTo("Kazakh");
        // the claims were released: nothing half-made, and the next call may try again
        bearer(newAddress(), learner.tokens().access()).get("/api/v1/lessons/").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    private static String level(Account learner, int index) {
        JsonPath course = bearer(newAddress(), learner.tokens().access()).get("/api/v1/path/").then().statusCode(200)
                .extract().jsonPath();
        return CourseJourneyTest.levelIds(course).get(index);
    }

    private static Actor actor(Account learner) {
        return Actor.user(UUID.fromString(learner.id()), Set.of(Role.USER));
    }
}
