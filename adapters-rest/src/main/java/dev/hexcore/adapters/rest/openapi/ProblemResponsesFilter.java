package dev.hexcore.adapters.rest.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses an operation can really give, each with its own example body, unless the operation
 * documents them itself: 400/413/415/422 where there is a request body, 401/403 where credentials are needed, 429
 * wherever the rate limiter applies. All of them refer to one {@code Problem} schema.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String NOT_LIMITED = "/api/v1/ping";

    private record Kind(String description, String type, String title, String code, String detail) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "400", new Kind("Malformed request", "/problems/bad-request", "Malformed request", "MALFORMED_JSON",
                    "Field 'scopes' has the wrong type; expected an array"),
            "401", new Kind("Missing or invalid credentials", "/problems/unauthorized", "Authentication required",
                    "UNAUTHENTICATED", "A valid bearer token or API key is required"),
            "403", new Kind("Not allowed", "/problems/forbidden", "Forbidden", "FORBIDDEN", "You are not allowed to do this"),
            "413", new Kind("Body too large", "/problems/payload-too-large", "Payload too large", "PAYLOAD_TOO_LARGE",
                    "The request body is larger than the server accepts (1048576 bytes)"),
            "415", new Kind("Unsupported Content-Type", "/problems/unsupported-media-type", "Unsupported media type",
                    "UNSUPPORTED_MEDIA_TYPE", "Content-Type text/plain is not supported here"),
            "422", new Kind("Invalid fields, listed in errors", "/problems/validation", "Validation failed",
                    "VALIDATION_FAILED", "email: must be a well-formed email address"),
            "404", new Kind("Not found (also another tenant's or user's resource)", "/problems/not-found", "Not found",
                    "NOT_FOUND", "Customer not found"),
            "409", new Kind("Conflict with the current state; the operation's description names the codes",
                    "/problems/conflict", "Conflict", "CONFLICT", "The request conflicts with the resource's current state"),
            "429", new Kind("Rate limited; Retry-After header, limit/remaining/reset_at in the body",
                    "/problems/rate-limited", "Too many requests", "RATE_LIMITED",
                    "Rate limit of 100 requests per minute exceeded; retry in 12 s"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) operation.setSecurity(operation.getSecurity().stream().distinct().toList());
        for (Map.Entry<String, Kind> entry : KINDS.entrySet()) {
            String status = entry.getKey();
            boolean applies = switch (status) {
                case "400", "413", "415", "422" -> hasBody || status.equals("422") && operation.getParameters() != null;
                case "401", "403" -> secured;
                case "429" -> !path.startsWith(NOT_LIMITED);
                case "404", "409" -> responses.getAPIResponse(status) != null;   // only where the operation declares them
                default -> false;
            };
            if (!applies) continue;
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(entry.getValue().description())
                        .content(problemContent(status, entry.getValue())));
            } else if (existing.getContent() == null) {
                existing.setContent(problemContent(status, entry.getValue()));
            }
        }
        operation.setResponses(responses);
    }

    private static Content problemContent(String status, Kind kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", Integer.parseInt(status));
        body.put("detail", kind.detail());
        body.put("instance", "/api/v1/...");
        body.put("code", kind.code());
        body.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        if (status.equals("422")) body.put("errors", List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
        if (status.equals("429")) {
            body.put("limit", 100);
            body.put("remaining", 0);
            body.put("reset_at", "2026-11-22T10:01:00Z");
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .addExample(kind.code().toLowerCase(), OASFactory.createExample().value(body));
        return OASFactory.createContent().addMediaType("application/problem+json", media);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; rate-limited answers add limit, remaining and reset_at")
                .addProperty("type", string).addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string).addProperty("instance", string).addProperty("code", string)
                .addProperty("trace_id", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status", "detail", "code"));
    }
}
