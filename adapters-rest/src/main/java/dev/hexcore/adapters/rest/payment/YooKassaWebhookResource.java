package dev.hexcore.adapters.rest.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.hexcore.application.payment.SettlePaymentsUseCase;
import dev.hexcore.application.payment.SettlePaymentsUseCase.Outcome;
import dev.hexcore.application.payment.SettlePaymentsUseCase.PaymentNotification;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * YooKassa's HTTP notifications (ADR 0028). They carry no signature, so the body is only a hint: the source address
 * must be on the allow list ({@link WebhookSources}), and the payment or refund it names is fetched again from the
 * provider, whose answer alone is trusted. 200 once handled (also when there is nothing to do, so YooKassa stops
 * redelivering); 503 when the provider cannot be asked, so it redelivers later.
 */
@Path("/api/v1/payments/yookassa/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments", description = "Payment provider notifications")
public class YooKassaWebhookResource {
    private static final Logger LOG = Logger.getLogger(YooKassaWebhookResource.class);
    private static final String PROBLEM = "application/problem+json";
    /** YooKassa's ids are UUID-like; anything of this shape is looked up, anything else refused. */
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EVENT = Pattern.compile("[a-z_]{1,32}\\.[a-z_]{1,32}");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CancellationDetails(String party, String reason) {
    }

    /** The notified object: YooKassa sends the whole payment or refund; only its id (and a hint) is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotifiedObject(@Schema(example = "2d9977c5-000f-5000-8000-1a3b41f8f216") String id, String status,
                                 CancellationDetails cancellationDetails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(@Schema(example = "notification") String type,
                               @Schema(example = "payment.succeeded") String event, NotifiedObject object) {
    }

    @RegisterForReflection
    public record WebhookResponse(@Schema(description = "What handling did: credited, canceled, refunded, "
            + "already_settled, pending, unknown, mismatch or ignored", example = "credited") String outcome) {
    }

    private final SettlePaymentsUseCase settlement;
    private final WebhookSources sources;

    public YooKassaWebhookResource(SettlePaymentsUseCase settlement, WebhookSources sources) {
        this.settlement = settlement;
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(operationId = "yookassaWebhook", summary = "YooKassa's notification (payment.succeeded, "
            + "payment.canceled, payment.waiting_for_capture, refund.succeeded): the object is fetched again and only "
            + "the provider's answer settles it; no API key, the source address must be YooKassa's")
    @RequestBody(content = @Content(schema = @Schema(implementation = Notification.class),
            examples = @ExampleObject(name = "payment succeeded", value = PaymentExamples.NOTIFICATION)))
    @APIResponse(responseCode = "200", description = "Handled, also when nothing was to do (a duplicate, an unknown "
            + "payment, one still pending, an event not acted on)", content = @Content(
            schema = @Schema(implementation = WebhookResponse.class),
            examples = @ExampleObject(name = "credited", value = PaymentExamples.HANDLED)))
    @APIResponse(responseCode = "403", description = "WEBHOOK_SOURCE_REFUSED: the sender is not on the allow list",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "refused", value = PaymentExamples.SOURCE_REFUSED)))
    @APIResponse(responseCode = "422", description = "type is not notification, or event or object.id is missing or "
            + "malformed")
    @APIResponse(responseCode = "503", description = "PAYMENT_PROVIDER_UNAVAILABLE or PAYMENT_PROVIDER_CREDENTIALS: the "
            + "object could not be fetched; YooKassa delivers again", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unavailable",
            value = PaymentExamples.WEBHOOK_UNAVAILABLE)))
    public WebhookResponse notify(@NotNull Notification notification, HttpServerRequest http) {
        String source = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        if (!sources.allows(source)) {
            LOG.warnf("Payment notification refused from %s: not on hexcore.payments.yookassa.webhook-allowed-ips", source);
            throw new ForbiddenException("WEBHOOK_SOURCE_REFUSED",
                    "Notifications are accepted only from the payment provider's addresses");
        }
        PaymentNotification parsed = parse(notification);
        Outcome outcome = settlement.handle(parsed);
        LOG.infof("Payment notification %s for %s: %s", parsed.event(), parsed.objectId(), outcome.code());
        return new WebhookResponse(outcome.code());
    }

    private static PaymentNotification parse(Notification n) {
        if (!"notification".equals(n.type())) throw new InvalidValueException("type", "must be notification");
        if (n.event() == null || !EVENT.matcher(n.event()).matches()) {
            throw new InvalidValueException("event", "must be an event such as payment.succeeded");
        }
        if (n.object() == null || n.object().id() == null || !OBJECT_ID.matcher(n.object().id()).matches()) {
            throw new InvalidValueException("object.id", "must be the payment's or refund's id");
        }
        String reason = n.object().cancellationDetails() == null ? null : n.object().cancellationDetails().reason();
        return new PaymentNotification(n.event(), n.object().id(), reason);
    }
}
