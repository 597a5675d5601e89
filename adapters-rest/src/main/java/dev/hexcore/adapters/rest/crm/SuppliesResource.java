package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.SuppliesPage;
import dev.hexcore.adapters.rest.crm.CrmResponses.SupplyResponse;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.SuppliesUseCase;
import dev.hexcore.application.crm.SuppliesUseCase.SupplyCommand;
import dev.hexcore.application.crm.SuppliesUseCase.SupplyLine;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Seed 004's supplies: recorded, then received exactly once. */
@Path("/api/v1/supplies")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class SuppliesResource {
    static final String SUPPLY = "{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000e5\",\"supplier\":\"Голландия Флора\",\"comment\":null,"
            + "\"status\":\"received\",\"items\":[{\"warehouse_item_id\":\"0193b0c2-7c1e-7a00-8000-00000000000b\",\"quantity\":\"100.000\","
            + "\"unit_cost\":{\"value\":\"60.00\",\"currency\":\"RUB\"}}],\"total\":{\"value\":\"6000.00\",\"currency\":\"RUB\"},"
            + "\"created_at\":\"2026-12-01T08:00:00Z\",\"received_at\":\"2026-12-01T09:00:00Z\",\"received_by\":\"0193b0c2-7c1e-7a00-8000-0000000000a2\"}";

    private static final String SUPPLY_REQUEST = "{\"supplier\":\"Голландия Флора\",\"comment\":\"к 8 марта\",\"items\":[{\"warehouse_item_id\":"
            + "\"0193b0c2-7c1e-7a00-8000-00000000000b\",\"quantity\":\"100\",\"unit_cost\":\"60.00\"}]}";

    public record LineRequest(UUID warehouseItemId, @JsonDeserialize(using = DecimalInput.class) BigDecimal quantity,
                              @JsonDeserialize(using = DecimalInput.class) BigDecimal unitCost) {
    }

    public record SupplyRequest(String supplier, String comment, List<LineRequest> items) {
        SupplyCommand toCommand() {
            return new SupplyCommand(supplier, comment, items == null ? null : items.stream()
                    .map(l -> l == null ? new SupplyLine(null, null, null) : new SupplyLine(l.warehouseItemId(), l.quantity(), l.unitCost()))
                    .toList());
        }
    }

    private final SuppliesUseCase supplies;
    private final SecurityIdentity identity;

    public SuppliesResource(SuppliesUseCase supplies, SecurityIdentity identity) {
        this.supplies = supplies;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listSupplies", summary = "The shop's supplies, newest first; search matches the supplier")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}",
            content = @Content(schema = @Schema(implementation = SuppliesPage.class), examples = @ExampleObject(name = "supplies", value = "{\"items\":[" + SUPPLY + "],\"skip\":0,\"limit\":100,\"total\":1}")))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<SupplyResponse> list(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(supplies.list(Actors.of(identity), query.shop(), query.list()), SupplyResponse::from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSupply", summary = "Record a supply, pending until received (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "supply", value = SUPPLY_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SupplyResponse.class), examples = @ExampleObject(name = "supply", value = SUPPLY)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public Response create(@BeanParam ShopQuery query, SupplyRequest request) {
        SupplyRequest body = request == null ? new SupplyRequest(null, null, null) : request;
        return Response.status(201).entity(SupplyResponse.from(supplies.create(Actors.of(identity), query.shop(), body.toCommand()))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSupply", summary = "One supply")
    @APIResponse(responseCode = "200", description = "The supply", content = @Content(schema = @Schema(implementation = SupplyResponse.class), examples = @ExampleObject(name = "supply", value = SUPPLY)))
    @APIResponse(responseCode = "404", description = "No such supply in the caller's shop")
    public SupplyResponse get(@BeanParam ShopQuery query, @RestPath String id) {
        return SupplyResponse.from(supplies.get(Actors.of(identity), query.shop(), PathIds.uuid(id, "Supply")));
    }

    @POST
    @Path("/{id}/receive")
    @Operation(operationId = "receiveSupply", summary = "Add the supply's stock, once, and average the unit costs (managers, admins)")
    @APIResponse(responseCode = "200", description = "The received supply", content = @Content(schema = @Schema(implementation = SupplyResponse.class), examples = @ExampleObject(name = "supply", value = SUPPLY)))
    @APIResponse(responseCode = "404", description = "No such supply in the caller's shop")
    @APIResponse(responseCode = "409", description = "SUPPLY_ALREADY_RECEIVED")
    public SupplyResponse receive(@BeanParam ShopQuery query, @RestPath String id) {
        return SupplyResponse.from(supplies.receive(Actors.of(identity), query.shop(), PathIds.uuid(id, "Supply")));
    }
}
