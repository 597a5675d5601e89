package dev.hexcore.adapters.rest.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.adapters.rest.shared.PageResponse;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.profile.GenerateProfilesUseCase;
import dev.hexcore.application.profile.GenerateProfilesUseCase.GenerateProfilesCommand;
import dev.hexcore.application.profile.GenerateProfilesUseCase.GeneratedProfiles;
import dev.hexcore.application.profile.ProfilesUseCase;
import dev.hexcore.domain.profile.ProfileFilter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Seed 001's profiles: generate (optionally persist), read, list and soft-delete. API keys need {@code profiles:read}
 * (or {@code profiles:write}) to read and {@code profiles:write} to store or delete; a signed-in user may do both for
 * their own profiles. Everyone but an admin sees only the profiles they created.
 */
@Path("/api/v1/profiles")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "profiles", description = "Synthetic Russian profiles with valid documents (seed 001)")
public class ProfilesResource {
    /**
     * The body is required ({} takes every default); its fields are optional: count 1..100 (default 1), persist
     * (default false), locale ru|en (default ru), seed, ttl in seconds.
     */
    public record GenerateRequest(Integer count, Boolean persist, String locale, Long seed, Long ttl) {
        GenerateProfilesCommand toCommand() {
            return new GenerateProfilesCommand(count, persist, locale, seed, ttl);
        }
    }

    /** The generated profiles and what reproduces them: the same seed and locale give the same people. */
    @RegisterForReflection
    public record GenerateResponse(List<ProfileResponse> items, int count, boolean persisted, long seed, String locale) {
        static GenerateResponse from(GeneratedProfiles generated) {
            var items = generated.profiles().stream()
                    .map(generated.persisted() ? ProfileResponse::stored : ProfileResponse::transientOf).toList();
            return new GenerateResponse(items, items.size(), generated.persisted(), generated.seed(), generated.locale().code());
        }
    }

    /** The list answer as documented: PageResponse of ProfileResponse (a generic type the scanner cannot name). */
    public record ProfilesPage(List<ProfileResponse> items, int page, int limit, long total) {
    }

    private final GenerateProfilesUseCase generator;
    private final ProfilesUseCase profiles;
    private final SecurityIdentity identity;

    public ProfilesResource(GenerateProfilesUseCase generator, ProfilesUseCase profiles, SecurityIdentity identity) {
        this.generator = generator;
        this.profiles = profiles;
        this.identity = identity;
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate 1–100 synthetic profiles; with persist=true they are stored (201) and get ids")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "store five", value = "{\"count\":5,\"persist\":true,\"locale\":\"ru\",\"seed\":42,\"ttl\":86400}"),
            @ExampleObject(name = "one, not stored", value = "{}")}))
    @APIResponse(responseCode = "200", description = "Generated, not stored (no id, created_at or expires_at)",
            content = @Content(schema = @Schema(implementation = GenerateResponse.class), examples = @ExampleObject(name = "not stored",
                    value = "{\"items\":[{\"source_key\":\"0193...\",\"expires_at\":null,\"payload\":{\"locale\":\"ru\","
                            + "\"full_name\":\"Иванов Иван Петрович\"}}],\"count\":1,\"persisted\":false,\"seed\":42,\"locale\":\"ru\"}")))
    @APIResponse(responseCode = "201", description = "Generated and stored",
            content = @Content(schema = @Schema(implementation = GenerateResponse.class), examples = @ExampleObject(name = "stored", value = "{\"items\":[{\"id\":\"0193...\","
                    + "\"source_key\":\"0193...\",\"created_at\":\"2026-11-22T10:00:00Z\",\"expires_at\":null,"
                    + "\"payload\":{\"locale\":\"ru\",\"full_name\":\"Иванов Иван Петрович\",\"gender\":\"male\","
                    + "\"birth_date\":\"1985-03-14\",\"passport\":{\"series\":\"4510\",\"number\":\"123456\"},"
                    + "\"inn\":\"771234567890\",\"snils\":\"112-233-445 95\"}}],"
                    + "\"count\":1,\"persisted\":true,\"seed\":42,\"locale\":\"ru\"}")))
    @APIResponse(responseCode = "422", description = "count outside 1..100, unknown locale, ttl outside 60 s..365 days")
    public Response generate(@Valid @NotNull GenerateRequest request) {
        GeneratedProfiles generated = generator.generate(Actors.of(identity), request.toCommand());
        return Response.status(generated.persisted() ? Response.Status.CREATED : Response.Status.OK)
                .entity(GenerateResponse.from(generated)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored profile")
    @APIResponse(responseCode = "200", description = "The profile; finance.card_number is 16 digits without spaces", content = @Content(schema = @Schema(implementation = ProfileResponse.class), examples = @ExampleObject(name = "profile", value = Examples.PROFILE)))
    @APIResponse(responseCode = "404", description = "No such profile, or deleted, expired or someone else's")
    @RunOnVirtualThread
    public ProfileResponse get(@RestPath String id) {
        return ProfileResponse.of(profiles.get(Actors.of(identity), PathIds.uuid(id, "Profile")));
    }

    @GET
    @Operation(summary = "Stored profiles, newest first; created_after is inclusive, created_before exclusive")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}", content = @Content(schema = @Schema(implementation = ProfilesPage.class), examples = @ExampleObject(name = "profiles", value = Examples.PROFILES_PAGE)))
    @APIResponse(responseCode = "422", description = "A malformed page, limit or time bound")
    @RunOnVirtualThread
    public PageResponse<ProfileResponse> list(@Valid @BeanParam PageQuery page,
            @Parameter(description = "ISO-8601 date-time or date", example = "2026-11-01T00:00:00Z") @RestQuery("created_after") String createdAfter,
            @Parameter(description = "ISO-8601 date-time or date", example = "2026-12-01") @RestQuery("created_before") String createdBefore,
            @Parameter(description = "Id of the API key or user that created the profiles (admins only see others')") @RestQuery("source_key") String sourceKey) {
        ProfileFilter filter = Filters.of(createdAfter, createdBefore, sourceKey, "");
        return PageResponse.from(profiles.list(Actors.of(identity), filter, page.toPageRequest()), ProfileResponse::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a profile (it disappears from reads; an event is recorded)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such profile, or already deleted, or someone else's")
    public Response delete(@RestPath String id) {
        profiles.delete(Actors.of(identity), PathIds.uuid(id, "Profile"));
        return Response.noContent().build();
    }
}
