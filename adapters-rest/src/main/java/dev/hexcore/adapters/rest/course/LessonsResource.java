package dev.hexcore.adapters.rest.course;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.adapters.rest.shared.PageResponse;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.course.LessonsUseCase;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Seed 002 §18.4, lessons of the active course. Views are the JSON PostgreSQL builds (one statement, passed through);
 * generation runs outside transactions on a virtual thread. POST /generate is limited per user
 * ({@code hexcore.rate-limit.routes."/api/v1/lessons/generate"}, 5 a minute as the seed). The regeneration routes
 * take no body, so they accept a bare POST.
 */
@Path("/api/v1/lessons")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lessons", description = "Lessons generated for the levels of the learner's course (seed 002)")
public class LessonsResource {
    public record GenerateRequest(UUID levelTemplateId, String topic, String level, String generationMode) {
    }

    private static final String PAGE_EXAMPLE = "{\"items\":[" + CourseDocs.LESSON_EXAMPLE + "],\"page\":1,\"limit\":10,\"total\":1}";

    private final LessonsUseCase lessons;
    private final SecurityIdentity identity;

    public LessonsResource(LessonsUseCase lessons, SecurityIdentity identity) {
        this.lessons = lessons;
        this.identity = identity;
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(operationId = "generateLesson", summary = "The lesson of a level of the active course (made once per level)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lesson", value = "{\"level_template_id\":"
            + "\"0193a4f0-7c1e-7000-8000-000000000005\",\"topic\":\"Travel\",\"level\":\"A1\",\"generation_mode\":\"balanced\"}")))
    @APIResponse(responseCode = "200", description = "GeneratedLessonResponse", content = @Content(
            schema = @Schema(implementation = CourseDocs.GeneratedLesson.class),
            examples = @ExampleObject(name = "lesson", value = CourseDocs.LESSON_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The level is not in the active course")
    @APIResponse(responseCode = "409", description = "NO_ACTIVE_COURSE, or LESSON_GENERATING when another call is still making it")
    @APIResponse(responseCode = "422", description = "No level_template_id, a level outside A1..C2, an unknown generation_mode, a topic over 200 characters")
    @APIResponse(responseCode = "429", description = "More than 5 lesson generations in a minute")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the model refused or answered unusably")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model could answer in time (Retry-After)")
    public RawValue generate(@Valid @NotNull GenerateRequest request) {
        return new RawValue(lessons.generate(Actors.user(identity), new LessonsUseCase.GenerateLessonCommand(
                request.levelTemplateId(), request.topic(), request.level(), request.generationMode())));
    }

    @GET
    @Path("/")
    @RunOnVirtualThread
    @Operation(operationId = "listLessons", summary = "The active course's lessons, newest first")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}", content = @Content(
            schema = @Schema(implementation = CourseDocs.LessonPage.class),
            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A malformed skip, page or limit")
    public PageResponse<Object> list(@Valid @BeanParam PageQuery page) {
        return PageResponse.from(lessons.list(Actors.user(identity), page.toPageRequest()), RawValue::new);
    }

    @GET
    @Path("/{id}")
    @RunOnVirtualThread
    @Operation(operationId = "getLesson", summary = "One of the learner's lessons")
    @APIResponse(responseCode = "200", description = "GeneratedLessonResponse", content = @Content(
            schema = @Schema(implementation = CourseDocs.GeneratedLesson.class),
            examples = @ExampleObject(name = "lesson", value = CourseDocs.LESSON_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such lesson, or someone else's")
    public RawValue get(@RestPath String id) {
        return new RawValue(lessons.get(Actors.user(identity), PathIds.uuid(id, "Lesson")));
    }

    @POST
    @Path("/{id}/regen-exercises")
    @RunOnVirtualThread
    @Operation(operationId = "regenerateLessonExercises", summary = "New exercises from the stored text and vocabulary")
    @APIResponse(responseCode = "200", description = "GeneratedLessonResponse", content = @Content(
            schema = @Schema(implementation = CourseDocs.GeneratedLesson.class),
            examples = @ExampleObject(name = "lesson", value = CourseDocs.LESSON_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such lesson, or someone else's")
    @APIResponse(responseCode = "422", description = "An unknown generation_mode")
    public RawValue regenerateExercises(@RestPath String id, @RestQuery("generation_mode") String generationMode) {
        return new RawValue(lessons.regenerateExercises(Actors.user(identity), PathIds.uuid(id, "Lesson"), generationMode));
    }

    @POST
    @Path("/{id}/regen-core")
    @RunOnVirtualThread
    @Operation(operationId = "regenerateLessonCore", summary = "A new text and vocabulary; exercises cleared, needs_review")
    @APIResponse(responseCode = "200", description = "GeneratedLessonResponse", content = @Content(
            schema = @Schema(implementation = CourseDocs.GeneratedLesson.class),
            examples = @ExampleObject(name = "lesson", value = CourseDocs.LESSON_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such lesson, or someone else's")
    @APIResponse(responseCode = "422", description = "An unknown generation_mode")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the model refused or answered unusably")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model could answer in time (Retry-After)")
    public RawValue regenerateCore(@RestPath String id, @RestQuery("generation_mode") String generationMode) {
        return new RawValue(lessons.regenerateCore(Actors.user(identity), PathIds.uuid(id, "Lesson"), generationMode));
    }
}
