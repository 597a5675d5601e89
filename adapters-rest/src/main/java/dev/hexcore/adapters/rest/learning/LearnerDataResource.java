package dev.hexcore.adapters.rest.learning;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.learning.LearnerDataUseCase;
import dev.hexcore.domain.learning.LearnerData.ResetCounts;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issue 14: the learner's own data, as one streamed JSON document, or reset (XP and achievements kept). */
@Path("/api/v1/users/me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "The signed-in user")
public class LearnerDataResource {
    /** The export document's sections (the route streams it; this record only describes it). */
    public record ExportDocument(Object profile, Object[] achievements, Object[] enrollments, Object[] lessons,
                                 Object[] vocabulary) {
    }

    public record ResetResponse(long enrollments, long levelProgress, long levelAttempts, long lessons,
                                long vocabularyItems, long userLexemes, long reviews) {
        static ResetResponse of(ResetCounts counts) {
            return new ResetResponse(counts.enrollments(), counts.levelProgress(), counts.levelAttempts(),
                    counts.lessons(), counts.vocabularyItems(), counts.userLexemes(), counts.reviews());
        }
    }

    private final LearnerDataUseCase data;
    private final SecurityIdentity identity;

    public LearnerDataResource(LearnerDataUseCase data, SecurityIdentity identity) {
        this.data = data;
        this.identity = identity;
    }

    @GET
    @Path("/export")
    @RunOnVirtualThread
    @Operation(operationId = "exportMyData", summary = "Everything of the user as one JSON document, streamed")
    @APIResponse(responseCode = "200", description = "profile (with XP and streaks), achievements, enrollments with "
            + "progress and attempts, lessons with vocabulary, user lexemes with review state and log", content = @Content(
            schema = @Schema(implementation = ExportDocument.class), examples = @ExampleObject(name = "export", value = """
                    {"profile":{"id":"0193a4f0-7c1e-7000-8000-000000000030","username":"aigul","xp":120,\
                    "time_zone":"Europe/Moscow","current_streak":3},"achievements":[{"code":"FIRST_LESSON",\
                    "unlocked_at":"2026-12-01T18:00:00+00:00"}],"enrollments":[],"lessons":[],"vocabulary":[]}""")))
    public StreamingOutput export() {
        var actor = Actors.user(identity);
        return output -> {
            var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            data.export(actor, writer);
            writer.flush();
        };
    }

    @POST
    @Path("/reset")
    @RunOnVirtualThread
    @Operation(operationId = "resetMyLearning", summary = "Delete course progress, lessons and vocabulary; keep XP and achievements")
    @APIResponse(responseCode = "200", description = "How many rows of each kind were deleted", content = @Content(
            schema = @Schema(implementation = ResetResponse.class), examples = @ExampleObject(name = "reset", value = """
                    {"enrollments":1,"level_progress":12,"level_attempts":3,"lessons":2,"vocabulary_items":16,\
                    "user_lexemes":14,"reviews":5}""")))
    public ResetResponse reset() {
        return ResetResponse.of(data.reset(Actors.user(identity)));
    }
}
