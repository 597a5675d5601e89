package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.crm.CrmResponses.HistoryResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.OrderResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.OrderSummaryResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.OrdersPage;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.OrdersUseCase;
import dev.hexcore.application.crm.OrdersUseCase.ItemCommand;
import dev.hexcore.application.crm.OrdersUseCase.PlaceOrderCommand;
import dev.hexcore.domain.crm.Delivery;
import dev.hexcore.domain.crm.OrderStatus;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Seed 004's orders: placed with price snapshots and a per-shop number, read with customer, items and history in one
 * query, moved through the workflow (docs/api.md has the table and who may do what).
 */
@Path("/api/v1/orders")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class OrdersResource {
    private static final String HISTORY = "[{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000e1\",\"from_status\":null,\"to_status\":\"new\","
            + "\"changed_by\":\"0193b0c2-7c1e-7a00-8000-0000000000a2\",\"changed_by_name\":\"maria\",\"comment\":null,"
            + "\"changed_at\":\"2026-12-01T10:00:00Z\"},{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000e2\",\"from_status\":\"new\","
            + "\"to_status\":\"confirmed\",\"changed_by\":\"0193b0c2-7c1e-7a00-8000-0000000000a2\",\"changed_by_name\":\"maria\","
            + "\"comment\":\"оплачен\",\"changed_at\":\"2026-12-01T10:05:00Z\"}]";
    private static final String ORDER = "{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000d1\",\"number\":42,\"status\":\"confirmed\","
            + "\"customer\":" + CustomersResource.CUSTOMER + ",\"items\":[{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000f1\","
            + "\"product_id\":\"0193b0c2-7c1e-7a00-8000-0000000000b1\",\"product_name\":\"Букет «Нежность»\",\"quantity\":2,"
            + "\"unit_price\":{\"value\":\"2500.00\",\"currency\":\"RUB\"},\"total\":{\"value\":\"5000.00\",\"currency\":\"RUB\"}}],"
            + "\"total\":{\"value\":\"5000.00\",\"currency\":\"RUB\"},\"delivery_address\":\"Москва, Тверская, 7, кв. 12\","
            + "\"delivery_date\":\"2026-12-08\",\"delivery_time_from\":\"10:00:00\",\"delivery_time_to\":\"12:00:00\","
            + "\"recipient_name\":\"Ирина\",\"recipient_phone\":\"+79035551122\",\"card_text\":\"С днём рождения!\","
            + "\"comment\":null,\"history\":" + HISTORY + ",\"created_at\":\"2026-12-01T10:00:00Z\",\"updated_at\":\"2026-12-01T10:05:00Z\"}";
    private static final String SUMMARY = "{\"items\":[{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000d1\",\"number\":42,"
            + "\"status\":\"confirmed\",\"customer_id\":\"0193b0c2-7c1e-7a00-8000-0000000000c1\",\"customer_name\":\"Анна Смирнова\","
            + "\"customer_phone\":\"+79161234567\",\"total\":{\"value\":\"5000.00\",\"currency\":\"RUB\"},\"delivery_date\":\"2026-12-08\","
            + "\"created_at\":\"2026-12-01T10:00:00Z\",\"updated_at\":\"2026-12-01T10:05:00Z\"}],\"skip\":0,\"limit\":100,\"total\":1}";

    private static final String ORDER_REQUEST = "{\"customer_id\":\"0193b0c2-7c1e-7a00-8000-0000000000c1\","
            + "\"items\":[{\"product_id\":\"0193b0c2-7c1e-7a00-8000-0000000000b1\",\"quantity\":2}],"
            + "\"delivery_address\":\"Москва, Тверская, 7, кв. 12\",\"delivery_date\":\"2026-12-08\","
            + "\"delivery_time_from\":\"10:00:00\",\"delivery_time_to\":\"12:00:00\",\"recipient_name\":\"Ирина\","
            + "\"recipient_phone\":\"+79035551122\",\"card_text\":\"С днём рождения!\",\"comment\":\"позвонить за час\"}";
    private static final String STATUS_REQUEST = "{\"status\":\"confirmed\",\"comment\":\"оплачен\"}";

    public record ItemRequest(UUID productId, Integer quantity) {
    }

    public record OrderRequest(UUID customerId, List<ItemRequest> items, String deliveryAddress, LocalDate deliveryDate,
                               LocalTime deliveryTimeFrom, LocalTime deliveryTimeTo, String recipientName,
                               String recipientPhone, String cardText, String comment) {
        PlaceOrderCommand toCommand() {
            return new PlaceOrderCommand(customerId, items == null ? null : items.stream()
                    .map(i -> i == null ? new ItemCommand(null, null) : new ItemCommand(i.productId(), i.quantity())).toList(),
                    new Delivery(deliveryAddress, deliveryDate, deliveryTimeFrom, deliveryTimeTo, recipientName,
                            recipientPhone, cardText), comment);
        }
    }

    public record StatusRequest(String status, String comment) {
    }

    private final OrdersUseCase orders;
    private final SecurityIdentity identity;

    public OrdersResource(OrdersUseCase orders, SecurityIdentity identity) {
        this.orders = orders;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listOrders", summary = "The shop's orders, newest first; search matches number, customer name and phone")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}", content = @Content(schema = @Schema(implementation = OrdersPage.class), examples = @ExampleObject(name = "orders", value = SUMMARY)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<OrderSummaryResponse> list(@Valid @BeanParam CrmQuery query,
            @Parameter(description = "Only orders in this status") @RestQuery String status) {
        OrderStatus only = status == null || status.isBlank() ? null : OrderStatus.parse("status", status);
        return ListResponse.from(orders.list(Actors.of(identity), query.shop(), query.list(), only), OrderSummaryResponse::from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrder", summary = "Place an order (managers, admins): status new, the next number of the shop, prices as of now")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "order", value = ORDER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrderResponse.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public Response create(@BeanParam ShopQuery query, OrderRequest request) {
        OrderRequest body = request == null ? new OrderRequest(null, null, null, null, null, null, null, null, null, null) : request;
        return Response.status(201).entity(OrderResponse.from(orders.place(Actors.of(identity), query.shop(), body.toCommand()))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "One order with its customer, items and history (one query)")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderResponse.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "404", description = "No such order in the caller's shop")
    public OrderResponse get(@BeanParam ShopQuery query, @RestPath String id) {
        return OrderResponse.from(orders.get(Actors.of(identity), query.shop(), PathIds.uuid(id, "Order")));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getOrderHistory", summary = "The order's moves, oldest first: who, when, from, to, comment")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryResponse.class), examples = @ExampleObject(name = "history", value = HISTORY)))
    @APIResponse(responseCode = "404", description = "No such order in the caller's shop")
    public List<HistoryResponse> history(@BeanParam ShopQuery query, @RestPath String id) {
        return orders.history(Actors.of(identity), query.shop(), PathIds.uuid(id, "Order")).stream().map(HistoryResponse::from).toList();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOrderStatus", summary = "Move the order: confirmed reserves stock, delivered consumes it, cancelled releases it")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirm", value = STATUS_REQUEST)))
    @APIResponse(responseCode = "200", description = "The order after the move", content = @Content(schema = @Schema(implementation = OrderResponse.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "403", description = "The caller's role may not move an order to this status")
    @APIResponse(responseCode = "404", description = "No such order in the caller's shop")
    @APIResponse(responseCode = "409", description = "ORDER_TRANSITION_NOT_ALLOWED, or INSUFFICIENT_STOCK with the shortages listed")
    public OrderResponse changeStatus(@BeanParam ShopQuery query, @RestPath String id, StatusRequest request) {
        StatusRequest body = request == null ? new StatusRequest(null, null) : request;
        OrderStatus to = OrderStatus.parse("status", body.status());
        return OrderResponse.from(orders.move(Actors.of(identity), query.shop(), PathIds.uuid(id, "Order"), to, body.comment()));
    }
}
