package dev.hexcore.adapters.rest.profile;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.profile.ExportsUseCase;
import dev.hexcore.application.profile.ExportsUseCase.ExportFile;
import dev.hexcore.application.profile.ExportsUseCase.RequestExportCommand;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportStatus;
import dev.hexcore.domain.profile.ProfileFilter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Seed 001's exports: ask for a JSON or PDF file of one profile or of a filter (202, the work runs in the
 * background), follow its status, download it. API keys need the {@code exports} scope.
 */
@Path("/api/v1/exports")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "exports", description = "JSON and PDF exports of profiles, run on a durable job queue (seed 001)")
public class ExportsResource {
    static final String BASE = "/api/v1/exports/";

    /** Bounds of a filter export; all optional. Times as ISO-8601 date-time or date. */
    public record FilterRequest(String createdAfter, String createdBefore, String sourceKey) {
        ProfileFilter toFilter() {
            return Filters.of(createdAfter, createdBefore, sourceKey, "filter.");
        }
    }

    /** Exactly one of profile_id and filter; format json or pdf. */
    public record ExportRequest(
            @Pattern(regexp = "\\s*\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}\\s*",
                    message = "must be a UUID") String profileId,
            FilterRequest filter, String format) {
        RequestExportCommand toCommand() {
            return new RequestExportCommand(profileId == null ? null : UUID.fromString(profileId.strip()),
                    filter == null ? null : filter.toFilter(), format);
        }
    }

    /** An export's state; {@code download_url} is set once it succeeded. */
    @RegisterForReflection
    public record ExportResponse(String exportId, String status, String format, String profileId, int progress,
                                 long processed, long total, String error, int attempts, Instant requestedAt,
                                 Instant startedAt, Instant completedAt, String fileName, Long sizeBytes, String downloadUrl) {
        static ExportResponse from(Export e) {
            boolean ready = e.status() == ExportStatus.SUCCEEDED;
            return new ExportResponse(e.id().toString(), e.status().code(), e.format().code(),
                    e.profileId() == null ? null : e.profileId().toString(), e.percent(), e.progressDone(),
                    e.progressTotal(), e.error(), e.attempts(), e.requestedAt(), e.startedAt(), e.completedAt(),
                    e.fileName(), e.sizeBytes(), ready ? BASE + e.id() + "/download" : null);
        }
    }

    private final ExportsUseCase exports;
    private final SecurityIdentity identity;

    public ExportsResource(ExportsUseCase exports, SecurityIdentity identity) {
        this.exports = exports;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an export; it runs in the background")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "one profile as PDF", value = "{\"profile_id\":\"0193...\",\"format\":\"pdf\"}"),
            @ExampleObject(name = "a month as JSON", value = "{\"filter\":{\"created_after\":\"2026-11-01\",\"created_before\":\"2026-12-01\"},\"format\":\"json\"}")}))
    @APIResponse(responseCode = "202", description = "Accepted; follow Location",
            content = @Content(schema = @Schema(implementation = ExportResponse.class), examples = @ExampleObject(name = "accepted", value = "{\"export_id\":\"0193...\",\"status\":\"pending\","
                    + "\"format\":\"pdf\",\"progress\":0,\"requested_at\":\"2026-11-22T10:00:00Z\",\"download_url\":null}")))
    @APIResponse(responseCode = "404", description = "The profile does not exist or is not yours")
    @APIResponse(responseCode = "422", description = "Unknown format, both or neither of profile_id and filter, a PDF of "
            + "no or too many profiles, or (for anyone but an admin) a filter.source_key that is not the caller's own")
    public Response request(@Valid @NotNull ExportRequest request) {
        Export export = exports.request(Actors.of(identity), request.toCommand());
        return Response.accepted(ExportResponse.from(export)).location(URI.create(BASE + export.id())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export's status, progress, error and download link")
    @APIResponse(responseCode = "200", description = "The export", content = @Content(schema = @Schema(implementation = ExportResponse.class), examples = @ExampleObject(name = "export", value = Examples.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such export, or not yours")
    public ExportResponse get(@RestPath String id) {
        return ExportResponse.from(exports.get(Actors.of(identity), PathIds.uuid(id, "Export")));
    }

    @GET
    @Path("/{id}/download")
    @Operation(summary = "The export's file, streamed with its content type and file name")
    @APIResponse(responseCode = "200", description = "The file: a JSON array of profiles (each as GET /api/v1/profiles/{id} "
            + "answers) or a PDF", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ProfileResponse.class),
                    examples = @ExampleObject(name = "json", value = "[" + Examples.PROFILE + "]")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such export, or not yours")
    @APIResponse(responseCode = "409", description = "EXPORT_NOT_READY (pending or running), EXPORT_FAILED or EXPORT_EXPIRED")
    public Response download(@RestPath String id) {
        ExportFile file = exports.download(Actors.of(identity), PathIds.uuid(id, "Export"));
        Response.ResponseBuilder response = Response.ok(file.content(), file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff");
        if (file.size() >= 0) response.header(HttpHeaders.CONTENT_LENGTH, file.size());
        return response.build();
    }
}
