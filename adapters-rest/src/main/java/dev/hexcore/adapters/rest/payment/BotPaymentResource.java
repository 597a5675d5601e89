package dev.hexcore.adapters.rest.payment;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatePaymentCommand;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatedPayment;
import dev.hexcore.domain.payment.CreditPack;
import dev.hexcore.domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Seed 003's purchase routes under {@code /api/v1/bot}: the packs on sale and {@code create_payment}. For the bot's
 * server, with the {@code bot} scope like the other bot routes; they wait on the database and the payment provider,
 * so they run on virtual threads.
 */
@Path("/api/v1/bot")
@Authenticated
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bot", description = "The Ozhivlyator Telegram-bot backend (seed 003)")
public class BotPaymentResource {
    private static final String PROBLEM = "application/problem+json";

    @RegisterForReflection
    public record PackResponse(String id, String title, int ozhivashki, Money price) {
        static PackResponse from(CreditPack pack) {
            return new PackResponse(pack.id(), pack.title(), pack.credits(), pack.price());
        }
    }

    @RegisterForReflection
    public record PacksResponse(List<PackResponse> items) {
    }

    /** Seed 003's body; {@code price} is a JSON number, compared by value with quantity × the pack's price. */
    public record CreatePaymentRequest(
            @Schema(description = "The pack's title (or id)", example = "Пакет '10 Оживашек'") String itemName,
            @Schema(description = "How many packs", example = "1") Integer quantity,
            @Schema(type = SchemaType.NUMBER, description = "quantity × the pack's price in RUB, e.g. 100.00",
                    example = "100.00") BigDecimal price) {
    }

    @RegisterForReflection
    public record CreatePaymentResponse(String paymentUrl, String paymentId) {
        static CreatePaymentResponse from(CreatedPayment created) {
            return new CreatePaymentResponse(created.paymentUrl(), created.paymentId());
        }
    }

    private final BuyOzhivashkiUseCase purchases;
    private final SecurityIdentity identity;

    public BotPaymentResource(BuyOzhivashkiUseCase purchases, SecurityIdentity identity) {
        this.purchases = purchases;
        this.identity = identity;
    }

    @GET
    @Path("/packs")
    @Operation(operationId = "listBotPacks", summary = "The packs of ozhivashki on sale, in the configured order")
    @APIResponse(responseCode = "200", description = "{items}", content = @Content(
            schema = @Schema(implementation = PacksResponse.class), examples = @ExampleObject(name = "packs",
            value = PaymentExamples.PACKS)))
    public PacksResponse packs() {
        return new PacksResponse(purchases.packs(Actors.of(identity)).stream().map(PackResponse::from).toList());
    }

    @POST
    @Path("/users/{chat_id}/create_payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(operationId = "createBotPayment", summary = "Create a payment for packs of ozhivashki: answers where "
            + "the user pays; the ozhivashki are granted once the provider says the payment succeeded")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreatePaymentRequest.class),
            examples = @ExampleObject(name = "one pack", value = PaymentExamples.CREATE)))
    @APIResponse(responseCode = "200", description = "Created (pending); with an Idempotency-Key seen before, the "
            + "first payment again (Idempotency-Replayed: true)", content = @Content(
            schema = @Schema(implementation = CreatePaymentResponse.class),
            examples = @ExampleObject(name = "created", value = PaymentExamples.CREATED)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = PaymentExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED for another pack or quantity",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "key reused", value = PaymentExamples.KEY_REUSED)))
    @APIResponse(responseCode = "422", description = "item_name names no pack; quantity missing or beyond 1..100; "
            + "price missing or not quantity × the pack's price")
    @APIResponse(responseCode = "502", description = "PAYMENT_PROVIDER_REJECTED, with the provider's provider_code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "rejected", value = PaymentExamples.REJECTED)))
    @APIResponse(responseCode = "503", description = "PAYMENT_PROVIDER_UNAVAILABLE (Retry-After; retry with the same "
            + "Idempotency-Key) or PAYMENT_PROVIDER_CREDENTIALS (the operator must fix the shop's configuration)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "unavailable", value = PaymentExamples.UNAVAILABLE)))
    public Response createPayment(@Parameter(description = "Telegram chat id", example = "123456789")
                                  @RestPath("chat_id") String chatId, @NotNull CreatePaymentRequest request,
                                  @Parameter(description = "Makes a retry answer the first payment instead of creating "
                                          + "another one") @RestHeader("Idempotency-Key") String idempotencyKey) {
        CreatedPayment created = purchases.createPayment(Actors.of(identity), new CreatePaymentCommand(PathIds.chatId(chatId),
                request.itemName(), request.quantity(), request.price(), idempotencyKey));
        Response.ResponseBuilder response = Response.ok(CreatePaymentResponse.from(created));
        if (created.replayed()) response.header("Idempotency-Replayed", "true");
        return response.build();
    }
}
