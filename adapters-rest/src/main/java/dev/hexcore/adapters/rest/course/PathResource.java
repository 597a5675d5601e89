package dev.hexcore.adapters.rest.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.course.CoursesUseCase;
import dev.hexcore.application.course.LearningPathUseCase;
import dev.hexcore.domain.shared.InvalidValueException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 002 §18.3, the learner's course: GET /path/ answers the active course view as PostgreSQL builds it (one
 * statement, passed through); the generation routes call the model outside any transaction, on a virtual thread.
 */
@Path("/api/v1/path")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "path", description = "Courses generated from the learner's interests, with progress (seed 002)")
public class PathResource {
    public record GenerateRequest(List<String> interests, String level, Boolean regenerate) {
    }

    /** {@code answers}: an optional JSON object, the learner's answers as the client keeps them, stored with the attempt. */
    public record ProgressRequest(UUID levelTemplateId, String status, Integer stars, Integer xpGained,
                                  @Schema(type = SchemaType.OBJECT) JsonNode answers) {
        String answersJson() {
            if (answers == null || answers.isNull()) return "{}";
            if (!answers.isObject()) throw new InvalidValueException("answers", "must be a JSON object");
            return answers.toString();
        }
    }

    @RegisterForReflection
    public record ProgressResponse(String status, String newStatus, boolean nextLevelUnlocked, long userTotalXp) {
    }

    public record GenerateFullRequest(List<String> interests, String level, Integer maxTopics, Integer sleepSeconds,
                                      Boolean regeneratePath, Boolean forceRegenerateLessons, String generationMode) {
    }

    public record RetryLessonsRequest(List<UUID> levelTemplateIds, String level, Integer sleepSeconds, String mode,
                                      String generationMode) {
    }

    @RegisterForReflection
    public record FailedTopicResponse(UUID levelTemplateId, String topic, String error) {
    }

    /** {@code course} and {@code lessons} are the JSON of GET /path/ and GET /lessons/{id}. */
    @RegisterForReflection
    public record PathResponse(@Schema(implementation = CourseDocs.ActiveCourse.class) Object course,
                               @Schema(implementation = CourseDocs.GeneratedLesson.class, type = SchemaType.ARRAY) List<Object> lessons,
                               List<FailedTopicResponse> failedTopics,
                               @JsonInclude(JsonInclude.Include.ALWAYS) Long retryAfterSeconds) {
        static PathResponse of(LearningPathUseCase.PathResult result) {
            return new PathResponse(new RawValue(result.course()),
                    result.lessons().stream().<Object>map(RawValue::new).toList(),
                    result.failedTopics().stream()
                            .map(f -> new FailedTopicResponse(f.levelTemplateId(), f.topic(), f.error())).toList(),
                    result.retryAfterSeconds());
        }
    }

    private static final String BATCH_EXAMPLE = "{\"course\":" + CourseDocs.COURSE_EXAMPLE + ",\"lessons\":["
            + CourseDocs.LESSON_EXAMPLE + "],\"failed_topics\":[],\"retry_after_seconds\":null}";

    private final CoursesUseCase courses;
    private final LearningPathUseCase path;
    private final SecurityIdentity identity;

    public PathResource(CoursesUseCase courses, LearningPathUseCase path, SecurityIdentity identity) {
        this.courses = courses;
        this.path = path;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @RunOnVirtualThread
    @Operation(operationId = "getActiveCourse", summary = "The active course: sections, units, levels with the learner's progress")
    @APIResponse(responseCode = "200", description = "ActiveCourseResponse", content = @Content(
            schema = @Schema(implementation = CourseDocs.ActiveCourse.class),
            examples = @ExampleObject(name = "course", value = CourseDocs.COURSE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No active course (generate one first)")
    public RawValue active() {
        return new RawValue(courses.activeCourse(Actors.user(identity)));
    }

    @POST
    @Path("/generate")
    @RunOnVirtualThread
    @Operation(operationId = "generateCourse", summary = "A course for these interests and level in the learner's target language")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "travel",
            value = "{\"interests\":[\"Travel\",\"Music\"],\"level\":\"A1\",\"regenerate\":true}")))
    @APIResponse(responseCode = "200", description = "The active course, as GET /path/", content = @Content(
            schema = @Schema(implementation = CourseDocs.ActiveCourse.class),
            examples = @ExampleObject(name = "course", value = CourseDocs.COURSE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "No interests, a blank or too long interest, a level outside A1..C2")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the model refused or answered unusably")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model could answer in time (Retry-After)")
    public RawValue generate(@Valid @NotNull GenerateRequest request) {
        return new RawValue(courses.generate(Actors.user(identity), new CoursesUseCase.GenerateCourseCommand(
                request.interests(), request.level(), Boolean.TRUE.equals(request.regenerate()))));
    }

    @PATCH
    @Path("/progress")
    @RunOnVirtualThread
    @Operation(operationId = "reportLevelProgress", summary = "Finish a level: record the attempt, unlock the next level, add XP")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "completed", value =
            "{\"level_template_id\":\"0193a4f0-7c1e-7000-8000-000000000005\",\"status\":\"completed\",\"stars\":3,\"xp_gained\":50,"
            + "\"answers\":{\"1\":\"сәлем\",\"2\":\"кітап\"}}")))
    @APIResponse(responseCode = "200", description = "The level's new status and the learner's XP", content = @Content(
            schema = @Schema(implementation = ProgressResponse.class), examples = @ExampleObject(name = "success", value =
                    "{\"status\":\"success\",\"new_status\":\"completed\",\"next_level_unlocked\":true,\"user_total_xp\":50}")))
    @APIResponse(responseCode = "404", description = "No active course, or the level is not in it")
    @APIResponse(responseCode = "409", description = "LEVEL_LOCKED: the level is still locked")
    @APIResponse(responseCode = "422", description = "Status other than completed or gold, stars outside 0..3, xp_gained below 0 or above the cap, answers not an object")
    public ProgressResponse progress(@Valid @NotNull ProgressRequest request) {
        CoursesUseCase.ProgressResult result = courses.reportProgress(Actors.user(identity), new CoursesUseCase.ProgressCommand(
                request.levelTemplateId(), request.status(), request.stars(), request.xpGained(), request.answersJson()));
        return new ProgressResponse("success", result.newStatus(), result.nextLevelUnlocked(), result.userTotalXp());
    }

    @POST
    @Path("/generate-full")
    @RunOnVirtualThread
    @Operation(operationId = "generateCourseWithLessons", summary = "The course, then lessons for its first max_topics lesson levels")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "three lessons", value = "{\"interests\":[\"Travel\"],"
            + "\"level\":\"A1\",\"max_topics\":3,\"sleep_seconds\":0,\"regenerate_path\":true,\"force_regenerate_lessons\":false,"
            + "\"generation_mode\":\"balanced\"}")))
    @APIResponse(responseCode = "200", description = "The course, the lessons made, the failed topics", content = @Content(
            schema = @Schema(implementation = PathResponse.class), examples = @ExampleObject(name = "all made", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Bad interests or level, max_topics or sleep_seconds out of range, unknown generation_mode")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the course outline could not be made")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: the course outline could not be made in time (Retry-After)")
    public PathResponse generateFull(@Valid @NotNull GenerateFullRequest request) {
        return PathResponse.of(path.generateFull(Actors.user(identity), new LearningPathUseCase.GenerateFullCommand(
                request.interests(), request.level(), request.maxTopics(), request.sleepSeconds(),
                Boolean.TRUE.equals(request.regeneratePath()), Boolean.TRUE.equals(request.forceRegenerateLessons()),
                request.generationMode())));
    }

    @POST
    @Path("/retry-lessons")
    @RunOnVirtualThread
    @Operation(operationId = "retryLessons", summary = "Generate lessons of the active course again: full, core or exercises")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "core", value = "{\"level_template_ids\":"
            + "[\"0193a4f0-7c1e-7000-8000-000000000005\"],\"level\":\"A1\",\"sleep_seconds\":0,\"mode\":\"core\","
            + "\"generation_mode\":\"balanced\"}")))
    @APIResponse(responseCode = "200", description = "The course, the lessons made, the failed topics", content = @Content(
            schema = @Schema(implementation = PathResponse.class), examples = @ExampleObject(name = "all made", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "NO_ACTIVE_COURSE: generate a course first")
    @APIResponse(responseCode = "422", description = "No or too many level ids, an unknown mode or generation_mode, sleep_seconds out of range")
    public PathResponse retryLessons(@Valid @NotNull RetryLessonsRequest request) {
        return PathResponse.of(path.retryLessons(Actors.user(identity), new LearningPathUseCase.RetryLessonsCommand(
                request.levelTemplateIds(), request.level(), request.sleepSeconds(), request.mode(), request.generationMode())));
    }
}
