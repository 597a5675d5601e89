package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.ProductionTasksPage;
import dev.hexcore.adapters.rest.crm.CrmResponses.TaskResponse;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.ProductionTasksUseCase;
import dev.hexcore.domain.crm.ProductionTask;
import dev.hexcore.domain.shared.InvalidValueException;
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
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

/** Seed 004's production tasks: one per item of a confirmed order; florists take, start and complete them. */
@Path("/api/v1/production-tasks")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class ProductionTasksResource {
    private static final String TASK = "{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000a7\",\"order_id\":\"0193b0c2-7c1e-7a00-8000-0000000000d1\","
            + "\"order_number\":42,\"order_item_id\":\"0193b0c2-7c1e-7a00-8000-0000000000f1\",\"title\":\"Букет «Нежность»\",\"quantity\":2,"
            + "\"florist_id\":\"0193b0c2-7c1e-7a00-8000-0000000000a1\",\"status\":\"in_progress\",\"created_at\":\"2026-12-01T10:05:00Z\","
            + "\"started_at\":\"2026-12-01T10:30:00Z\",\"completed_at\":null}";

    private static final String ASSIGN_REQUEST = "{\"florist_id\":\"0193b0c2-7c1e-7a00-8000-0000000000a1\"}";

    public record AssignRequest(UUID floristId) {
    }

    private final ProductionTasksUseCase tasks;
    private final SecurityIdentity identity;

    public ProductionTasksResource(ProductionTasksUseCase tasks, SecurityIdentity identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listProductionTasks", summary = "The shop's tasks, oldest first; filter by status, florist_id, order_id")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}",
            content = @Content(schema = @Schema(implementation = ProductionTasksPage.class), examples = @ExampleObject(name = "tasks", value = "{\"items\":[" + TASK + "],\"skip\":0,\"limit\":100,\"total\":1}")))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<TaskResponse> list(@Valid @BeanParam CrmQuery query,
            @Parameter(description = "pending, in_progress, done or cancelled") @RestQuery String status,
            @Parameter(description = "Only this florist's tasks") @RestQuery("florist_id") String floristId,
            @Parameter(description = "Only this order's tasks") @RestQuery("order_id") String orderId) {
        return ListResponse.from(tasks.list(Actors.of(identity), query.shop(), query.list(), status(status),
                uuidOrNull("florist_id", floristId), uuidOrNull("order_id", orderId)), TaskResponse::from);
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignProductionTask", summary = "Give a pending task to a florist of the shop (managers; a florist to themselves)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "assign", value = ASSIGN_REQUEST)))
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskResponse.class), examples = @ExampleObject(name = "task", value = TASK)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's shop")
    @APIResponse(responseCode = "409", description = "TASK_ALREADY_STARTED or TASK_TRANSITION_NOT_ALLOWED")
    public TaskResponse assign(@BeanParam ShopQuery query, @RestPath String id, AssignRequest request) {
        return TaskResponse.from(tasks.assign(Actors.of(identity), query.shop(), PathIds.uuid(id, "Production task"),
                request == null ? null : request.floristId()));
    }

    @POST
    @Path("/{id}/start")
    @Operation(operationId = "startProductionTask", summary = "Start a task (its florist, managers); the order moves to in_production")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskResponse.class), examples = @ExampleObject(name = "task", value = TASK)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's shop")
    @APIResponse(responseCode = "409", description = "TASK_TRANSITION_NOT_ALLOWED")
    public TaskResponse start(@BeanParam ShopQuery query, @RestPath String id) {
        return TaskResponse.from(tasks.start(Actors.of(identity), query.shop(), PathIds.uuid(id, "Production task")));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(operationId = "completeProductionTask", summary = "Complete a task; the last one moves the order to ready")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskResponse.class), examples = @ExampleObject(name = "task", value = TASK)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's shop")
    @APIResponse(responseCode = "409", description = "TASK_TRANSITION_NOT_ALLOWED")
    public TaskResponse complete(@BeanParam ShopQuery query, @RestPath String id) {
        return TaskResponse.from(tasks.complete(Actors.of(identity), query.shop(), PathIds.uuid(id, "Production task")));
    }

    private static ProductionTask.Status status(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return ProductionTask.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "must be pending, in_progress, done or cancelled");
        }
    }

    private static UUID uuidOrNull(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }
}
