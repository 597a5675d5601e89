package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.crm.LiveOrdersUseCase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets for the live-orders WebSocket {@code /ws}. */
@Path("/api/v1/ws/ticket")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Live order updates")
public class SocketTicketResource {
    @RegisterForReflection
    public record TicketResponse(String ticket, long expiresIn, String url) {
    }

    private final LiveOrdersUseCase live;
    private final SecurityIdentity identity;

    public SocketTicketResource(LiveOrdersUseCase live, SecurityIdentity identity) {
        this.live = live;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "createSocketTicket", summary = "A one-time ticket (30 s) to open /ws?ticket=… and receive "
            + "{\"type\":\"order_update\",\"data\":{order}} for your shop; for shop staff signed in with a bearer token")
    @APIResponse(responseCode = "200", description = "The ticket", content = @Content(
            schema = @Schema(implementation = TicketResponse.class), examples = @ExampleObject(name = "ticket",
            value = "{\"ticket\":\"tX3q…\",\"expires_in\":30,\"url\":\"/ws?ticket=tX3q…\"}")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not on the staff of a shop, or an API key")
    public TicketResponse issue() {
        Instant sessionEndsAt = identity.getPrincipal() instanceof JsonWebToken jwt
                ? Instant.ofEpochSecond(jwt.getExpirationTime()) : Instant.EPOCH;
        var ticket = live.issueTicket(Actors.of(identity), sessionEndsAt);
        return new TicketResponse(ticket.value(), ticket.expiresIn().toSeconds(), "/ws?ticket=" + ticket.value());
    }
}
