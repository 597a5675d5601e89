package dev.hexcore.adapters.rest.system;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A bare JSON endpoint: no credentials, no rate limit, no database. The benchmark's baseline. */
@Path("/api/v1/ping")
@Tag(name = "system")
public class PingResource {
    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    /** Answered on the I/O thread, like the authenticated routes the benchmark compares it with. */
    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness of the API itself")
    @APIResponse(responseCode = "200", description = "The API answers", content = @Content(
            schema = @Schema(implementation = Pong.class), examples = @ExampleObject(name = "ok", value = "{\"status\":\"ok\"}")))
    public Pong ping() {
        return PONG;
    }
}
