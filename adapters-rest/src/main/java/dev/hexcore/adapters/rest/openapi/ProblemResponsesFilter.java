package dev.hexcore.adapters.rest.openapi;

import dev.hexcore.adapters.rest.problem.ProblemCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * wherever the rate limiter applies. All of them refer to one {@code Problem} schema; an error a resource declares
 * with a description only gets that schema and an example whose code is the first CODE its description names.
 * Operations without an explicit operationId get one from their method and path ({@code GET /api/v1/profiles/{id}}
 * → {@code getProfilesById}), and the schemas get the facts Java types cannot carry ({@link SchemaFacts}).
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String NOT_LIMITED = "/api/v1/ping";
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Map<Integer, String> DEFAULT_CODES = Map.of(404, "NOT_FOUND", 409, "CONFLICT",
            502, "UPSTREAM_BAD_RESPONSE", 503, "UNAVAILABLE", 401, "UNAUTHENTICATED", 403, "FORBIDDEN");

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
        SchemaFacts.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getOperationId() == null) operation.setOperationId(operationId(method.name(), path));
            document(path, operation);
        }));
    }

    /** {@code GET /api/v1/admin/api-keys/{id}} → {@code getAdminApiKeysById}: unique, since method and path are. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v\\d+", "").split("/")) {
            if (segment.isEmpty()) continue;
            boolean parameter = segment.startsWith("{") && segment.endsWith("}");
            if (parameter) id.append("By");
            for (String word : (parameter ? segment.substring(1, segment.length() - 1) : segment).split("[_-]")) {
                if (!word.isEmpty()) id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
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
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getContent() == null && status.length() == 3 && status.charAt(0) >= '4') {
                response.setContent(problemContent(status, declared(Integer.parseInt(status), response.getDescription())));
            }
        });
        operation.setResponses(responses);
    }

    /** An error a resource declared in words, e.g. "409 USERNAME_TAKEN or EMAIL_TAKEN", as an example problem. */
    private static Kind declared(int status, String description) {
        ProblemCatalog.Kind catalog = ProblemCatalog.of(status);
        String text = description == null ? catalog.title() : description;
        Matcher code = CODE.matcher(text);
        String detail = code.find() && code.start() == 0 ? text.substring(code.end()).replaceFirst("^[\\s:(]+", "") : text;
        code.reset();
        return new Kind(text, catalog.type(), catalog.title(), code.find() ? code.group() : DEFAULT_CODES.getOrDefault(status,
                "HTTP_" + status), detail.isBlank() ? text : detail);
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
