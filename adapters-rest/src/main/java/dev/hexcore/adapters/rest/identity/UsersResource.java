package dev.hexcore.adapters.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.identity.CurrentUserUseCase.UpdateProfileCommand;
import dev.hexcore.application.identity.CurrentUserUseCase;
import dev.hexcore.adapters.rest.validation.SingleLine;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
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

/** Seed 002's /users/me routes for the signed-in user. */
@Path("/api/v1/users/me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "The signed-in user's profile")
public class UsersResource {
    public record UpdateMeRequest(@SingleLine @Size(min = 3, max = 50) String username, @Email @Size(max = 254) String email,
                                 @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 50) String> interests,
                                 @SingleLine @Size(min = 1, max = 50) String nativeLanguage,
                                 @SingleLine @Size(min = 1, max = 50) String targetLanguage,
                                 @Positive Long telegramId,
                                 @SingleLine @Size(min = 1, max = 64) String timeZone) {
    }

    public record LanguagesRequest(@NotBlank @SingleLine @Size(max = 50) String targetLanguage,
                                   @NotBlank @SingleLine @Size(max = 50) String nativeLanguage) {
    }

    private final CurrentUserUseCase users;
    private final SecurityIdentity identity;

    public UsersResource(CurrentUserUseCase users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The signed-in user (same answer as GET /api/v1/auth/me)")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    public UserResponse get() {
        return UserResponse.from(users.get(Actors.user(identity).id()));
    }

    @PATCH
    @Operation(summary = "Change some of username, email, interests, native_language, target_language, telegram_id, "
            + "time_zone (IANA, default Europe/Moscow: the calendar days of the streak)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename",
            value = "{\"username\":\"new_name\",\"interests\":[\"Travel\",\"Music\"],\"telegram_id\":123456789}")))
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN, EMAIL_TAKEN or TELEGRAM_ID_TAKEN")
    @APIResponse(responseCode = "422", description = "A field breaks its rule, or time_zone is not an IANA time zone")
    public UserResponse update(@Valid @NotNull UpdateMeRequest request) {
        var actor = Actors.user(identity);
        return UserResponse.from(users.update(new UpdateProfileCommand(actor.id(), request.username(), request.email(),
                request.interests(), request.nativeLanguage(), request.targetLanguage(), request.telegramId(),
                request.timeZone())));
    }

    @PUT
    @Path("/languages")
    @Operation(summary = "Set the native and target languages")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "english",
            value = "{\"target_language\":\"English\",\"native_language\":\"Russian\"}")))
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    public UserResponse languages(@Valid @NotNull LanguagesRequest request) {
        var actor = Actors.user(identity);
        return UserResponse.from(users.changeLanguages(actor.id(), request.nativeLanguage(), request.targetLanguage()));
    }
}
