package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.crm.CrmResponses.CustomerResponse;
import dev.hexcore.adapters.rest.crm.CrmResponses.CustomersPage;
import dev.hexcore.adapters.rest.crm.CrmResponses.ListResponse;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.crm.CustomersUseCase;
import dev.hexcore.application.crm.CustomersUseCase.CustomerCommand;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Seed 004's customers of a shop. Phones are stored in E.164 and are unique in the shop. */
@Path("/api/v1/customers")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crm")
public class CustomersResource {
    static final String CUSTOMER = "{\"id\":\"0193b0c2-7c1e-7a00-8000-0000000000c1\",\"shop_id\":\"0193b0c2-7c1e-7a00-8000-000000000001\","
            + "\"name\":\"Анна Смирнова\",\"phone\":\"+79161234567\",\"email\":\"anna@example.ru\",\"telegram_id\":123456789,"
            + "\"notes\":\"любит пионы\",\"created_at\":\"2026-12-01T10:00:00Z\",\"updated_at\":\"2026-12-01T10:00:00Z\"}";

    private static final String CUSTOMER_REQUEST = "{\"name\":\"Анна Смирнова\",\"phone\":\"+79161234567\",\"email\":\"anna@example.ru\","
            + "\"telegram_id\":123456789,\"notes\":\"любит пионы\"}";

    public record CustomerRequest(String name, String phone, String email, Long telegramId, String notes) {
        CustomerCommand toCommand() {
            return new CustomerCommand(name, phone, email, telegramId, notes);
        }
    }

    private static final CustomerRequest EMPTY = new CustomerRequest(null, null, null, null, null);

    private final CustomersUseCase customers;
    private final SecurityIdentity identity;

    public CustomersResource(CustomersUseCase customers, SecurityIdentity identity) {
        this.customers = customers;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "The shop's customers, newest first; search matches name and phone")
    @APIResponse(responseCode = "200", description = "{items, skip, limit, total}",
            content = @Content(schema = @Schema(implementation = CustomersPage.class), examples = @ExampleObject(name = "customers", value = "{\"items\":[" + CUSTOMER + "],\"skip\":0,\"limit\":100,\"total\":1}")))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    public ListResponse<CustomerResponse> list(@Valid @BeanParam CrmQuery query) {
        return ListResponse.from(customers.list(Actors.of(identity), query.shop(), query.list()), CustomerResponse::from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCustomer", summary = "Add a customer (managers, admins); the phone is normalised to E.164")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "customer", value = CUSTOMER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CustomerResponse.class), examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "404", description = "shop_id names no shop the caller may see")
    @APIResponse(responseCode = "409", description = "CUSTOMER_PHONE_TAKEN or CUSTOMER_TELEGRAM_TAKEN in this shop")
    public Response create(@BeanParam ShopQuery query, CustomerRequest request) {
        var created = customers.create(Actors.of(identity), query.shop(), (request == null ? EMPTY : request).toCommand());
        return Response.status(201).entity(CustomerResponse.from(created)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCustomer", summary = "One customer")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerResponse.class), examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "404", description = "No such customer in the caller's shop")
    public CustomerResponse get(@BeanParam ShopQuery query, @RestPath String id) {
        return CustomerResponse.from(customers.get(Actors.of(identity), query.shop(), PathIds.uuid(id, "Customer")));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCustomer", summary = "Replace a customer's details (managers, admins)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "customer", value = CUSTOMER_REQUEST)))
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerResponse.class), examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "404", description = "No such customer in the caller's shop")
    @APIResponse(responseCode = "409", description = "CUSTOMER_PHONE_TAKEN or CUSTOMER_TELEGRAM_TAKEN in this shop")
    public CustomerResponse update(@BeanParam ShopQuery query, @RestPath String id, CustomerRequest request) {
        return CustomerResponse.from(customers.update(Actors.of(identity), query.shop(), PathIds.uuid(id, "Customer"),
                (request == null ? EMPTY : request).toCommand()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer without orders (managers, admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such customer in the caller's shop")
    @APIResponse(responseCode = "409", description = "CUSTOMER_HAS_ORDERS")
    public Response delete(@BeanParam ShopQuery query, @RestPath String id) {
        customers.delete(Actors.of(identity), query.shop(), PathIds.uuid(id, "Customer"));
        return Response.noContent().build();
    }
}
