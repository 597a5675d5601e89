package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ShopResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ShopsPage;
import dev.hexcore.adapters.rest.crm.CrmResponses.StaffResponse;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.ShopsUseCase;
import dev.hexcore.application.crm.ShopsUseCase.ShopCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Seed 004's shops (the CRM's tenants) and their staff. */
@Path("/api/v1/shops")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm", description = "Flower-shop CRM (seed 004): shops, staff, customers, catalogue, stock, orders")
public class ShopsResource {
    static final String SHOP = "{\"id\":\"0193b0c2-7c1e-7a00-8000-000000000001\",\"name\":\"Ромашка\",\"address\":\"Москва, ул. Цветочная, 1\","
            + "\"phone\":\"+74951234567\",\"currency\":\"RUB\",\"markup_percent\":\"150.00\",\"price_rounding\":50,"
            + "\"created_at\":\"2026-12-01T09:00:00Z\"}";
    private static final String STAFF = "[{\"user_id\":\"0193b0c2-7c1e-7a00-8000-0000000000a1\",\"username\":\"olga\","
            + "\"roles\":[\"florist\"],\"added_at\":\"2026-12-01T09:05:00Z\"}]";

    private static final String SHOP_REQUEST = "{\"name\":\"Ромашка\",\"address\":\"Москва, ул. Цветочная, 1\",\"phone\":\"+74951234567\",\"currency\":\"RUB\","
            + "\"markup_percent\":\"150.00\",\"price_rounding\":50}";
    private static final String STAFF_REQUEST = "{\"user_id\":\"0193b0c2-7c1e-7a00-8000-0000000000a1\"}";

    public record ShopRequest(String name, String address, String phone, String currency,
                              @JsonDeserialize(using = DecimalInput.class) BigDecimal markupPercent,
                              Integer priceRounding) {
        ShopCommand toCommand() {
            return new ShopCommand(name, address, phone, currency, markupPercent, priceRounding);
        }
    }

    public record StaffRequest(@NotNull UUID userId) {
    }

    private final ShopsUseCase shops;
    private final SecurityIdentity identity;

    public ShopsResource(ShopsUseCase shops, SecurityIdentity identity) {
        this.shops = shops;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createShop", summary = "Create a shop (admins): markup_percent 0..1000, price_rounding 1, 10 or 50")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "shop", value = SHOP_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ShopResponse.class), examples = @ExampleObject(name = "shop", value = SHOP)))
    public Response create(ShopRequest request) {
        ShopRequest body = request == null ? new ShopRequest(null, null, null, null, null, null) : request;
        return Response.status(201).entity(ShopResponse.from(shops.create(Actors.of(identity), body.toCommand()))).build();
    }

    @GET
    @Operation(operationId = "listShops", summary = "Every shop (admins) or the caller's own shop (staff), by name")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}",
            content = @Content(schema = @Schema(implementation = ShopsPage.class), examples = @ExampleObject(name = "shops", value = "{\"items\":[" + SHOP + "],\"skip\":0,\"limit\":100,\"total\":1}")))
    public ListResponse<ShopResponse> list(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(shops.list(Actors.of(identity), query.shop(), query.list()), ShopResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getShop", summary = "One shop (admins, or its own staff)")
    @APIResponse(responseCode = "200", description = "The shop", content = @Content(schema = @Schema(implementation = ShopResponse.class), examples = @ExampleObject(name = "shop", value = SHOP)))
    @APIResponse(responseCode = "404", description = "No such shop, or not the caller's")
    public ShopResponse get(@RestPath String id) {
        return ShopResponse.from(shops.get(Actors.of(identity), PathIds.uuid(id, "Shop")));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateShop", summary = "Change name, address, phone, markup or rounding (admins, the shop's managers)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "shop", value = SHOP_REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed shop", content = @Content(schema = @Schema(implementation = ShopResponse.class), examples = @ExampleObject(name = "shop", value = SHOP)))
    @APIResponse(responseCode = "404", description = "No such shop, or not the caller's")
    public ShopResponse update(@RestPath String id, ShopRequest request) {
        ShopRequest body = request == null ? new ShopRequest(null, null, null, null, null, null) : request;
        return ShopResponse.from(shops.update(Actors.of(identity), PathIds.uuid(id, "Shop"), body.toCommand()));
    }

    @GET
    @Path("/{id}/staff")
    @Operation(operationId = "listShopStaff", summary = "The shop's staff, by username")
    @APIResponse(responseCode = "200", description = "Staff", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StaffResponse.class), examples = @ExampleObject(name = "staff", value = STAFF)))
    @APIResponse(responseCode = "404", description = "No such shop, or not the caller's")
    public List<StaffResponse> staff(@RestPath String id) {
        return shops.staff(Actors.of(identity), PathIds.uuid(id, "Shop")).stream().map(StaffResponse::from).toList();
    }

    @POST
    @Path("/{id}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addShopStaff", summary = "Add an existing user with the role manager, florist or courier (admins, managers)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "florist", value = STAFF_REQUEST)))
    @APIResponse(responseCode = "201", description = "The shop's staff now", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StaffResponse.class), examples = @ExampleObject(name = "staff", value = STAFF)))
    @APIResponse(responseCode = "404", description = "No such shop or user")
    @APIResponse(responseCode = "409", description = "ALREADY_STAFF: the user works in a shop already")
    public Response addStaff(@RestPath String id, @Valid @NotNull StaffRequest request) {
        var staff = shops.addStaff(Actors.of(identity), PathIds.uuid(id, "Shop"), request.userId());
        return Response.status(201).entity(staff.stream().map(StaffResponse::from).toList()).build();
    }

    @DELETE
    @Path("/{id}/staff/{userId}")
    @Operation(operationId = "removeShopStaff", summary = "Remove a user from the shop's staff (admins, managers)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such shop, or the user is not on its staff")
    public Response removeStaff(@RestPath String id, @RestPath String userId) {
        shops.removeStaff(Actors.of(identity), PathIds.uuid(id, "Shop"), PathIds.uuid(userId, "Staff member"));
        return Response.noContent().build();
    }
}
