package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.WarehouseItemResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.WarehouseItemsPage;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.WarehouseUseCase;
import dev.hexcore.application.crm.WarehouseUseCase.WarehouseItemCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Seed 004's warehouse: stock positions with reservations, and the low-stock list. */
@Path("/api/v1/warehouse")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class WarehouseResource {
    static final String ITEM = "{\"id\":\"0193b0c2-7c1e-7a00-8000-00000000000b\",\"name\":\"Роза красная 60 см\",\"unit\":\"шт\","
            + "\"quantity\":\"120.000\",\"reserved\":\"35.000\",\"available\":\"85.000\",\"unit_cost\":{\"value\":\"55.00\",\"currency\":\"RUB\"},"
            + "\"min_quantity\":\"50.000\",\"low\":false,\"updated_at\":\"2026-12-01T10:00:00Z\"}";
    private static final String LIST = "{\"items\":[" + ITEM + "],\"skip\":0,\"limit\":100,\"total\":1}";

    /** On update, quantity is ignored: stock moves through supplies and orders. */
    private static final String ITEM_REQUEST = "{\"name\":\"Роза красная 60 см\",\"unit\":\"шт\",\"quantity\":\"120\",\"unit_cost\":\"55.00\","
            + "\"min_quantity\":\"50\"}";

    public record ItemRequest(String name, String unit,
                              @JsonDeserialize(using = DecimalInput.class) BigDecimal quantity,
                              @JsonDeserialize(using = DecimalInput.class) BigDecimal unitCost,
                              @JsonDeserialize(using = DecimalInput.class) BigDecimal minQuantity) {
        WarehouseItemCommand toCommand() {
            return new WarehouseItemCommand(name, unit, quantity, unitCost, minQuantity);
        }
    }

    private static final ItemRequest EMPTY = new ItemRequest(null, null, null, null, null);

    private final WarehouseUseCase warehouse;
    private final SecurityIdentity identity;

    public WarehouseResource(WarehouseUseCase warehouse, SecurityIdentity identity) {
        this.warehouse = warehouse;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listWarehouseItems", summary = "The shop's stock positions by name; search matches the name")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}", content = @Content(schema = @Schema(implementation = WarehouseItemsPage.class), examples = @ExampleObject(name = "items", value = LIST)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<WarehouseItemResponse> list(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(warehouse.list(Actors.of(identity), query.shop(), query.list()), WarehouseItemResponse::from);
    }

    @GET
    @Path("/low-stock")
    @Operation(operationId = "listLowStock", summary = "Positions whose free stock (on hand minus reserved) is at or under their minimum")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}", content = @Content(schema = @Schema(implementation = WarehouseItemsPage.class), examples = @ExampleObject(name = "items", value = LIST)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<WarehouseItemResponse> lowStock(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(warehouse.lowStock(Actors.of(identity), query.shop(), query.list()), WarehouseItemResponse::from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWarehouseItem", summary = "Add a stock position (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "item", value = ITEM_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = WarehouseItemResponse.class), examples = @ExampleObject(name = "item", value = ITEM)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public Response create(@BeanParam ShopQuery query, ItemRequest request) {
        var item = warehouse.create(Actors.of(identity), query.shop(), (request == null ? EMPTY : request).toCommand());
        return Response.status(201).entity(WarehouseItemResponse.from(item)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWarehouseItem", summary = "One stock position")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(schema = @Schema(implementation = WarehouseItemResponse.class), examples = @ExampleObject(name = "item", value = ITEM)))
    @APIResponse(responseCode = "404", description = "No such item in the caller's shop")
    public WarehouseItemResponse get(@BeanParam ShopQuery query, @RestPath String id) {
        return WarehouseItemResponse.from(warehouse.get(Actors.of(identity), query.shop(), PathIds.uuid(id, "Warehouse item")));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWarehouseItem", summary = "Change name, unit, unit cost and minimum (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "item", value = ITEM_REQUEST)))
    @APIResponse(responseCode = "200", description = "The item", content = @Content(schema = @Schema(implementation = WarehouseItemResponse.class), examples = @ExampleObject(name = "item", value = ITEM)))
    @APIResponse(responseCode = "404", description = "No such item in the caller's shop")
    public WarehouseItemResponse update(@BeanParam ShopQuery query, @RestPath String id, ItemRequest request) {
        return WarehouseItemResponse.from(warehouse.update(Actors.of(identity), query.shop(),
                PathIds.uuid(id, "Warehouse item"), (request == null ? EMPTY : request).toCommand()));
    }
}
