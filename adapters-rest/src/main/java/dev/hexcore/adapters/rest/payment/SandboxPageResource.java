package dev.hexcore.adapters.rest.payment;

import dev.hexcore.application.payment.SandboxCheckoutUseCase;
import dev.hexcore.application.payment.SandboxCheckoutUseCase.Completion;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.shared.ConflictException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The sandbox provider's confirmation page (ADR 0028): a payment's amount and description with two plain HTML forms,
 * "Оплатить" and "Отменить". Posting one marks the sandbox payment and settles it through the same path as a YooKassa
 * notification, then shows the outcome with a link back to the bot. Only while the sandbox is the active provider
 * (404 otherwise). Left out of the OpenAPI document: these are pages for a person in a browser, not API operations,
 * and they exist only on sandbox deployments; docs/api.md describes them.
 */
@Path("/sandbox/payments/{id}")
@Produces("text/html; charset=UTF-8")
public class SandboxPageResource {
    private final SandboxCheckoutUseCase checkout;

    public SandboxPageResource(SandboxCheckoutUseCase checkout) {
        this.checkout = checkout;
    }

    @GET
    @RunOnVirtualThread
    @Operation(hidden = true)
    public String page(@RestPath("id") String id) {
        SandboxPayment p = checkout.show(id);
        if (p.status() != PaymentStatus.PENDING) return result(p);
        String action = "/sandbox/payments/" + html(p.id());
        return page("Оплата: " + p.description(), "<h1>Тестовая оплата</h1>"
                + "<p class=\"sandbox\">Песочница: деньги не списываются.</p>"
                + "<p id=\"description\">" + html(p.description()) + "</p>"
                + "<p id=\"amount\">" + html(p.amount().value().toPlainString()) + " " + html(p.amount().currency()) + "</p>"
                + "<form method=\"post\" action=\"" + action + "/succeed\"><button id=\"pay\" type=\"submit\">Оплатить</button></form>"
                + "<form method=\"post\" action=\"" + action + "/cancel\"><button id=\"cancel\" type=\"submit\">Отменить</button></form>");
    }

    @POST
    @Path("/succeed")
    @RunOnVirtualThread
    @Operation(hidden = true)
    public Response succeed(@RestPath("id") String id) {
        return complete(id, true);
    }

    @POST
    @Path("/cancel")
    @RunOnVirtualThread
    @Operation(hidden = true)
    public Response cancel(@RestPath("id") String id) {
        return complete(id, false);
    }

    private Response complete(String id, boolean pay) {
        try {
            Completion done = checkout.complete(id, pay);
            return Response.ok(result(done.payment())).build();
        } catch (ConflictException e) {
            return Response.status(Response.Status.CONFLICT).entity(result(checkout.show(id))).build();
        }
    }

    private static String result(SandboxPayment p) {
        String headline = p.status() == PaymentStatus.SUCCEEDED ? "Оплата прошла" : "Оплата отменена";
        return page(headline, "<h1 id=\"result\" data-status=\"" + p.status().code() + "\">" + headline + "</h1>"
                + "<p id=\"description\">" + html(p.description()) + "</p>"
                + "<p id=\"amount\">" + html(p.amount().value().toPlainString()) + " " + html(p.amount().currency()) + "</p>"
                + "<p><a id=\"return\" href=\"" + html(p.returnUrl()) + "\">Вернуться в бот</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + html(title)
                + "</title></head><body>" + body + "</body></html>";
    }

    /** Text for HTML content and attribute values. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
