package dev.hexcore.adapters.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.adapters.rest.shared.PageResponse;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.identity.ManageUsersUseCase;
import dev.hexcore.domain.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Account administration: list, change roles, disable and enable. */
@Path("/api/v1/admin/users")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Administration (role or scope admin)")
public class AdminUsersResource {
    public record RolesRequest(@NotEmpty @Size(max = 5) List<@NotNull String> roles) {
    }

    /** {@code telegram_id}: the Telegram user id to link, or null to unlink. */
    public record TelegramIdRequest(@Positive Long telegramId) {
    }

    /** The list answer as documented: PageResponse of UserResponse (a generic type the scanner cannot name). */
    public record UsersPage(List<UserResponse> items, int page, int limit, long total) {
    }

    private final ManageUsersUseCase users;
    private final SecurityIdentity identity;

    public AdminUsersResource(ManageUsersUseCase users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List users, newest first")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}", content = @Content(schema = @Schema(implementation = UsersPage.class), examples = @ExampleObject(name = "users", value = Examples.USERS_PAGE)))
    public PageResponse<UserResponse> list(@Valid @BeanParam PageQuery query) {
        return PageResponse.from(users.list(Actors.of(identity), query.toPageRequest()), UserResponse::from);
    }

    @PUT
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's roles (admin, manager, florist, courier, user)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "manager", value = "{\"roles\":[\"manager\"]}")))
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "CANNOT_DEMOTE_SELF: an admin cannot remove their own admin role")
    public UserResponse changeRoles(@RestPath String id, @Valid @NotNull RolesRequest request) {
        var roles = request.roles().stream().map(Role::parse).collect(Collectors.toSet());
        return UserResponse.from(users.changeRoles(Actors.of(identity), PathIds.uuid(id, "User"), roles));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable an account: logins fail and its tokens stop working within a second")
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "CANNOT_DISABLE_SELF: an admin cannot disable their own account")
    public UserResponse disable(@RestPath String id) {
        return UserResponse.from(users.disable(Actors.of(identity), PathIds.uuid(id, "User")));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled account")
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "404", description = "No such user")
    public UserResponse enable(@RestPath String id) {
        return UserResponse.from(users.enable(Actors.of(identity), PathIds.uuid(id, "User")));
    }

    @PUT
    @Path("/{id}/telegram-id")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a user to a Telegram user id (telegram_id), or unlink with null")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "link", value = "{\"telegram_id\":123456789}")))
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "TELEGRAM_ID_TAKEN: another account has this Telegram id")
    public UserResponse linkTelegram(@RestPath String id, @Valid @NotNull TelegramIdRequest request) {
        return UserResponse.from(users.linkTelegram(Actors.of(identity), PathIds.uuid(id, "User"), request.telegramId()));
    }
}
