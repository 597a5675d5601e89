package dev.hexcore.adapters.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.adapters.rest.identity.AuthRequests.ApiKeyCallerResponse;
import dev.hexcore.adapters.rest.identity.AuthRequests.LoginRequest;
import dev.hexcore.adapters.rest.identity.AuthRequests.RefreshRequest;
import dev.hexcore.adapters.rest.identity.AuthRequests.RegisterRequest;
import dev.hexcore.adapters.rest.identity.AuthRequests.TokenResponse;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.Unis;
import dev.hexcore.adapters.rest.validation.SingleLine;
import dev.hexcore.application.identity.CurrentUserUseCase;
import dev.hexcore.application.identity.LoginUseCase.LoginCommand;
import dev.hexcore.application.identity.LoginUseCase;
import dev.hexcore.application.identity.LogoutUseCase;
import dev.hexcore.application.identity.RefreshTokensUseCase;
import dev.hexcore.application.identity.RegisterUserUseCase;
import dev.hexcore.domain.identity.Actor;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/** Seed 002's /auth routes: register, OAuth2 password-form login (and JSON), refresh rotation, logout, me. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and tokens")
public class AuthResource {
    private final RegisterUserUseCase register;
    private final LoginUseCase login;
    private final RefreshTokensUseCase refresh;
    private final LogoutUseCase logout;
    private final CurrentUserUseCase currentUser;
    private final SecurityIdentity identity;

    public AuthResource(RegisterUserUseCase register, LoginUseCase login, RefreshTokensUseCase refresh,
                        LogoutUseCase logout, CurrentUserUseCase currentUser, SecurityIdentity identity) {
        this.register = register;
        this.login = login;
        this.refresh = refresh;
        this.logout = logout;
        this.currentUser = currentUser;
        this.identity = identity;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account (role user)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo",
            value = "{\"username\":\"demo\",\"email\":\"demo@example.com\",\"password\":\"strongpassword123\"}")))
    @APIResponse(responseCode = "201", description = "The new account; native_language defaults to Russian and "
            + "target_language to Kazakh when not given",
            content = @Content(schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "created", value = Examples.USER)))
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN or EMAIL_TAKEN")
    public Response register(@Valid @NotNull RegisterRequest request) {
        return Response.status(Response.Status.CREATED).entity(UserResponse.from(register.register(request.toCommand())))
                .build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in with the OAuth2 password form (username, password)")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens",
            value = "{\"access_token\":\"eyJ...\",\"refresh_token\":\"Qm9...\",\"token_type\":\"bearer\",\"expires_in\":900}")))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS or ACCOUNT_DISABLED")
    @APIResponse(responseCode = "429", description = "LOGIN_THROTTLED after repeated failures")
    public TokenResponse loginForm(@RestForm @NotBlank @SingleLine @Size(max = 254) String username,
                                   @RestForm @NotBlank @Size(max = 128) String password, HttpServerRequest http) {
        return TokenResponse.from(login.login(new LoginCommand(username, password, clientAddress(http))));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a JSON body {username, password}")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = Examples.TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS or ACCOUNT_DISABLED")
    public TokenResponse loginJson(@Valid @NotNull LoginRequest request, HttpServerRequest http) {
        return TokenResponse.from(login.login(new LoginCommand(request.username(), request.password(), clientAddress(http))));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for a new pair; a reused token revokes the session")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = Examples.TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return TokenResponse.from(refresh.refresh(request.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke the session the refresh token belongs to")
    @APIResponse(responseCode = "204", description = "Logged out (also for unknown tokens)")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        logout.logout(request.refreshToken());
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "The signed-in user, or for an API key its id and scopes")
    @APIResponse(responseCode = "200", description = "The caller: a user, or for an API key {id, kind: api_key, scopes}",
            content = @Content(schema = @Schema(implementation = CallerResponse.class), examples = {@ExampleObject(name = "user", value = Examples.USER),
                    @ExampleObject(name = "api key", value = "{\"id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5f\",\"kind\":\"api_key\",\"scopes\":[\"bot\"]}")}))
    @NonBlocking
    public Uni<CallerResponse> me() {
        Actor actor = Actors.of(identity);
        if (actor.kind() == Actor.Kind.API_KEY) {
            // Everything is known from the identity: answer on the I/O thread, no hop to a worker.
            return Uni.createFrom().item(new ApiKeyCallerResponse(actor.id().toString(), "api_key",
                    actor.scopes().stream().sorted().toList()));
        }
        // At most about a second old, like the access check that admitted this token (ADR 0003); read on a worker
        // thread only when this replica has no fresh copy.
        return Unis.of(() -> currentUser.getRecent(actor.id()), UserResponse::from);
    }

    static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
