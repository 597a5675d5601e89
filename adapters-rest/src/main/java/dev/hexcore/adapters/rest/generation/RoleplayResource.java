package dev.hexcore.adapters.rest.generation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.roleplay.RoleplayUseCase;
import dev.hexcore.application.roleplay.RoleplayUseCase.RoleplayCommand;
import dev.hexcore.application.roleplay.RoleplayUseCase.Turn;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 002 §18.6: POST /api/v1/roleplay/chat → {"response": "..."}, through the model gateway. */
@Path("/api/v1/roleplay")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "roleplay", description = "Practice conversations with a model playing a character (seed 002)")
public class RoleplayResource {
    /** One earlier turn: {"role": "user" | "assistant", "content": "..."}. */
    public record TurnRequest(String role, String content) {
    }

    public record ChatRequest(String scenario, String role, String message, List<TurnRequest> history,
                              String targetLanguage, String level) {
        RoleplayCommand toCommand() {
            List<Turn> turns = history == null ? List.of()
                    : history.stream().map(t -> t == null ? null : new Turn(t.role(), t.content())).toList();
            return new RoleplayCommand(scenario, role, message, turns, targetLanguage, level);
        }
    }

    @RegisterForReflection
    public record ChatResponse(String response) {
    }

    private final RoleplayUseCase roleplay;
    private final SecurityIdentity identity;

    public RoleplayResource(RoleplayUseCase roleplay, SecurityIdentity identity) {
        this.roleplay = roleplay;
        this.identity = identity;
    }

    @POST
    @Path("/chat")
    @Operation(summary = "The character's next line in the learner's target language and level")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "first line", value = "{\"scenario\":\"Meeting a pro player\","
            + "\"role\":\"Layla\",\"message\":\"Hi!\",\"history\":[],\"target_language\":\"Kazakh\",\"level\":\"A1\"}")))
    @APIResponse(responseCode = "200", description = "{\"response\": \"...\"}",
            content = @Content(schema = @Schema(implementation = ChatResponse.class),
                    examples = @ExampleObject(name = "answer", value = "{\"response\":\"Сәлем! Мен Ләйләмін.\"}")))
    @APIResponse(responseCode = "422", description = "A blank scenario, role, message, target_language or level; a bad history turn")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the model refused or answered unusably")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model could answer in time (Retry-After)")
    @NonBlocking
    public Uni<ChatResponse> chat(@Valid @NotNull ChatRequest request) {
        // a repeated conversation is answered on this I/O thread from this replica's copy of the response cache; the
        // gateway hands anything else (database, key pool, the model) to its worker threads
        return Uni.createFrom().completionStage(roleplay.chat(Actors.user(identity), request.toCommand()))
                .map(ChatResponse::new);
    }
}
