package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hexcore.adapters.rest.crm.CrmResponses.CalculationResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ProductResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ProductsPage;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.ProductsUseCase;
import dev.hexcore.application.crm.ProductsUseCase.ProductCommand;
import dev.hexcore.domain.crm.ProductComponent;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Seed 004's catalogue: products made of warehouse items, and the price calculator. */
@Path("/api/v1/products")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class ProductsResource {
    static final String PRODUCT = "{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000b1\",\"name\":\"Букет «Нежность»\",\"description\":\"7 роз\","
            + "\"price\":{\"value\":\"2500.00\",\"currency\":\"RUB\"},\"is_active\":true,\"components\":[{\"warehouse_item_id\":"
            + "\"0193b0c2-7c1e-7a00-8000-00000000000b\",\"quantity\":\"7.000\"}],\"image_urls\":[\"/api/v1/uploads/images/q3V9tYgS0m1xQ2w7ZkP4aA.jpg\"],\"created_at\":\"2026-12-01T10:00:00Z\",\"updated_at\":\"2026-12-01T10:00:00Z\"}";
    private static final String CALCULATION = "{\"components\":[{\"warehouse_item_id\":\"0193b0c2-7c1e-7a00-8000-00000000000b\","
            + "\"name\":\"Роза красная 60 см\",\"unit\":\"шт\",\"quantity\":\"7\",\"unit_cost\":{\"value\":\"55.00\",\"currency\":\"RUB\"},"
            + "\"cost\":{\"value\":\"385.00\",\"currency\":\"RUB\"}}],\"cost\":{\"value\":\"385.00\",\"currency\":\"RUB\"},"
            + "\"markup_percent\":\"150.00\",\"price_rounding\":50,\"price\":{\"value\":\"950.00\",\"currency\":\"RUB\"}}";

    private static final String PRODUCT_REQUEST = "{\"name\":\"Букет «Нежность»\",\"description\":\"7 роз\",\"price\":\"2500.00\",\"is_active\":true,"
            + "\"components\":[{\"warehouse_item_id\":\"0193b0c2-7c1e-7a00-8000-00000000000b\",\"quantity\":\"7\"}],"
            + "\"image_urls\":[\"/api/v1/uploads/images/q3V9tYgS0m1xQ2w7ZkP4aA.jpg\"]}";

    public record ComponentRequest(UUID warehouseItemId,
                                   @JsonDeserialize(using = DecimalInput.class) BigDecimal quantity) {
    }

    public record ProductRequest(String name, String description,
                                 @JsonDeserialize(using = DecimalInput.class) BigDecimal price, Boolean isActive,
                                 List<ComponentRequest> components, List<String> imageUrls) {
        ProductCommand toCommand() {
            return new ProductCommand(name, description, price, isActive, components == null ? null
                    : components.stream().map(c -> new ProductComponent(c == null ? null : c.warehouseItemId(),
                            c == null ? null : c.quantity())).toList(), imageUrls);
        }
    }

    private static final ProductRequest EMPTY = new ProductRequest(null, null, null, null, null, null);

    private final ProductsUseCase products;
    private final SecurityIdentity identity;

    public ProductsResource(ProductsUseCase products, SecurityIdentity identity) {
        this.products = products;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listProducts", summary = "The catalogue by name; search matches name and description")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}",
            content = @Content(schema = @Schema(implementation = ProductsPage.class), examples = @ExampleObject(name = "products", value = "{\"items\":[" + PRODUCT + "],\"skip\":0,\"limit\":100,\"total\":1}")))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<ProductResponse> list(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(products.list(Actors.of(identity), query.shop(), query.list()), ProductResponse::from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProduct", summary = "Add a product with its components and image URLs (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = PRODUCT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public Response create(@BeanParam ShopQuery query, ProductRequest request) {
        var product = products.create(Actors.of(identity), query.shop(), (request == null ? EMPTY : request).toCommand());
        return Response.status(201).entity(ProductResponse.from(product)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProduct", summary = "One product with its components")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's shop")
    public ProductResponse get(@BeanParam ShopQuery query, @RestPath String id) {
        return ProductResponse.from(products.get(Actors.of(identity), query.shop(), PathIds.uuid(id, "Product")));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateProduct", summary = "Replace a product and its components (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = PRODUCT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's shop")
    public ProductResponse update(@BeanParam ShopQuery query, @RestPath String id, ProductRequest request) {
        return ProductResponse.from(products.update(Actors.of(identity), query.shop(), PathIds.uuid(id, "Product"),
                (request == null ? EMPTY : request).toCommand()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteProduct", summary = "Delete a product never ordered (managers, admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such product in the caller's shop")
    @APIResponse(responseCode = "409", description = "PRODUCT_ORDERED: mark it inactive instead")
    public Response delete(@BeanParam ShopQuery query, @RestPath String id) {
        products.delete(Actors.of(identity), query.shop(), PathIds.uuid(id, "Product"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/calculate")
    @Operation(operationId = "calculateProductPrice",
            summary = "Components at today's unit costs and the price: Σ cost × (1 + markup), rounded to the shop's 1, 10 or 50")
    @APIResponse(responseCode = "200", description = "The breakdown and price",
            content = @Content(schema = @Schema(implementation = CalculationResponse.class), examples = @ExampleObject(name = "calculation", value = CALCULATION)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's shop")
    public CalculationResponse calculate(@BeanParam ShopQuery query, @RestPath String id) {
        return CalculationResponse.from(products.calculate(Actors.of(identity), query.shop(), PathIds.uuid(id, "Product")));
    }
}
