package dev.hexcore.adapters.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.adapters.rest.shared.PageResponse;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.identity.ApiKeysUseCase.CreateApiKeyCommand;
import dev.hexcore.application.identity.ApiKeysUseCase;
import dev.hexcore.domain.identity.ApiKey;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Seed 001's /admin/api-keys: create (the secret is shown once), list, revoke. */
@Path("/api/v1/admin/api-keys")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminApiKeysResource {
    /** Only shape is checked here; the domain checks every field and reports all broken ones together. */
    public record CreateApiKeyRequest(String label, Set<String> scopes, Integer rateLimitPerMin, Instant expiresAt) {
        CreateApiKeyCommand toCommand() {
            return new CreateApiKeyCommand(label, scopes, rateLimitPerMin, expiresAt);
        }
    }

    /** A key as listed; {@code key} (the secret) is present only in the answer to create. */
    @RegisterForReflection
    public record ApiKeyResponse(String id, String label, @JsonInclude(JsonInclude.Include.NON_NULL) String key, String prefix, List<String> scopes, String status,
                                 Integer rateLimitPerMin, Instant lastUsedAt, Instant createdAt, Instant expiresAt,
                                 Instant revokedAt) {
        static ApiKeyResponse from(ApiKey key, String secret) {
            return new ApiKeyResponse(key.id().toString(), key.label(), secret, key.displayPrefix(),
                    key.scopes().stream().sorted().toList(), key.status().name().toLowerCase(Locale.ROOT),
                    key.rateLimitPerMin(), key.lastUsedAt(), key.createdAt(), key.expiresAt(), key.revokedAt());
        }
    }

    /** The list answer as documented: PageResponse of ApiKeyResponse (a generic type the scanner cannot name). */
    public record ApiKeysPage(List<ApiKeyResponse> items, int page, int limit, long total) {
    }

    private final ApiKeysUseCase keys;
    private final SecurityIdentity identity;

    public AdminApiKeysResource(ApiKeysUseCase keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the response is the only time the secret is shown")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "qa",
            value = "{\"label\":\"QA\",\"scopes\":[\"profiles:read\",\"profiles:write\"],\"rate_limit_per_min\":100}")))
    @APIResponse(responseCode = "201", description = "The key, with its secret in `key`",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.class), examples = @ExampleObject(name = "created", value = "{\"id\":\"0193...\",\"label\":\"QA\","
                    + "\"key\":\"hk_live_x4P...\",\"prefix\":\"hk_live_x4P0aB\",\"scopes\":[\"profiles:read\"],"
                    + "\"status\":\"active\",\"rate_limit_per_min\":100,\"last_used_at\":null,\"created_at\":\"2026-11-22T10:00:00Z\","
                    + "\"expires_at\":null,\"revoked_at\":null}")))
    public Response create(@Valid @NotNull CreateApiKeyRequest request) {
        ApiKey.Issued issued = keys.create(Actors.of(identity), request.toCommand());
        return Response.status(Response.Status.CREATED).entity(ApiKeyResponse.from(issued.key(), issued.secret())).build();
    }

    @GET
    @Operation(summary = "List API keys, newest first (secrets are never shown again)")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}; last_used_at is at most a minute stale, "
            + "revoked_at is set once revoked", content = @Content(schema = @Schema(implementation = ApiKeysPage.class), examples = @ExampleObject(name = "keys", value = Examples.API_KEYS_PAGE)))
    public PageResponse<ApiKeyResponse> list(@Valid @BeanParam PageQuery query) {
        return PageResponse.from(keys.list(Actors.of(identity), query.toPageRequest()), k -> ApiKeyResponse.from(k, null));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key; it stops working within a second on every replica")
    @APIResponse(responseCode = "204", description = "Revoked (revoking twice is fine)")
    @APIResponse(responseCode = "404", description = "No such key")
    public Response revoke(@RestPath String id) {
        keys.revoke(Actors.of(identity), PathIds.uuid(id, "API key"));
        return Response.noContent().build();
    }
}
