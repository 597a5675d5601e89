package dev.hexcore.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hexcore.adapters.rest.json.InvalidFieldException;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.crm.InsufficientStockException;
import dev.hexcore.domain.crm.StockShortage;
import dev.hexcore.domain.recommendation.NotEnoughOrdersException;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.PayloadTooLargeException;
import dev.hexcore.domain.shared.TooManyRequestsException;
import dev.hexcore.domain.shared.UnavailableException;
import dev.hexcore.domain.shared.UnsupportedMediaTypeException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition;

/** Turns every failure into an application/problem+json response; nothing internal is ever written to the body. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowedMethods;
    /** One warning every 10 s for the whole process, however the mappers are instantiated. */
    private static final DependencyFailures DATABASE_FAILURES = new DependencyFailures();

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        return switch (e) {
            case InvalidValueException invalid -> Problems.response(request, 422, invalid.code(), invalid.getMessage(),
                    invalid.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList(), null);
            case dev.hexcore.domain.shared.NotFoundException nf -> Problems.response(request, 404, nf.code(), nf.getMessage());
            case InsufficientStockException s -> Problems.response(request, 409, s.code(), s.getMessage(), null,
                    Map.of("shortages", s.shortages().stream().map(ProblemMappers::shortage).toList()));
            case NotEnoughOrdersException n -> Problems.response(request, 400, n.code(), n.getMessage(), null,
                    Map.of("orders_count", n.count(), "minimum", n.minimum()));
            case ConflictException c -> Problems.response(request, 409, c.code(), c.getMessage());
            case AuthenticationException a -> withChallenge(Problems.response(request, 401, a.code(), a.getMessage()));
            case ForbiddenException f -> Problems.response(request, 403, f.code(), f.getMessage());
            case TooManyRequestsException t -> Problems.tooManyRequests(request, t.code(), t.getMessage(), t.limit(), 0,
                    t.retryAfter(), t.retryAfter());
            case UnavailableException u -> unavailable(request, u.code(), u.getMessage(), u.retryAfter());
            case ModelBadResponseException b -> Problems.response(request, 502, b.code(), b.getMessage());
            case InsufficientCreditsException i -> Problems.response(request, 402, i.code(), i.getMessage());
            case PaymentProviderException p -> paymentProvider(p, request);
            case PayloadTooLargeException p -> Problems.response(request, 413, p.code(), p.getMessage());
            case UnsupportedMediaTypeException u -> Problems.response(request, 415, u.code(), u.getMessage());
            default -> Problems.response(request, 400, e.code(), e.getMessage());
        };
    }

    private static Map<String, Object> shortage(StockShortage s) {
        return Map.of("warehouse_item_id", s.warehouseItemId().toString(), "name", s.name(), "unit", s.unit(),
                "needed", s.needed().toPlainString(), "available", s.available().toPlainString());
    }

    /** How long a caller waits before trying a payment provider again when the provider did not say. */
    private static final Duration PAYMENT_RETRY_AFTER = Duration.ofSeconds(30);

    /**
     * A payment provider's refusal: 502 with the provider's code when it rejected the request; 503 when the shop's
     * credentials are wrong or missing (an operator must act; the detail never repeats the provider's message, which
     * could echo configuration) or when it did not answer; every 503 with Retry-After.
     */
    private static Response paymentProvider(PaymentProviderException e, HttpServerRequest request) {
        return switch (e.kind()) {
            case REJECTED -> Problems.response(request, 502, e.code(), "The payment provider refused the payment"
                            + (e.providerCode() == null ? "" : " (" + e.providerCode() + ")"), null,
                    e.providerCode() == null ? null : Map.of("provider_code", e.providerCode()));
            case CREDENTIALS -> unavailable(request, e.code(), "not_configured".equals(e.providerCode())
                    ? "Payments are not configured on this server; an operator must set the payment provider's shop id and secret key"
                    : "The payment provider refused this server's credentials; an operator must fix the configuration",
                    PAYMENT_RETRY_AFTER);
            case UNAVAILABLE -> unavailable(request, e.code(),
                    "The payment provider did not answer; try again later with the same Idempotency-Key",
                    e.retryAfter() == null ? PAYMENT_RETRY_AFTER : e.retryAfter());
        };
    }


    /**
     * Every 503 says when to come back, in whole seconds rounded up: when the cause knows (a model key's cooldown, an
     * open circuit), else after {@link DependencyFailures#UNKNOWN_RETRY_AFTER} (ADR 0030).
     */
    private static Response unavailable(HttpServerRequest request, String code, String detail, Duration retryAfter) {
        Duration after = retryAfter != null ? retryAfter : DependencyFailures.UNKNOWN_RETRY_AFTER;
        return Response.fromResponse(Problems.response(request, 503, code, detail))
                .header("Retry-After", Math.max(1, Problems.ceilSeconds(after))).build();
    }

    /** PostgreSQL does not answer (stopped, restarting, unreachable) or the pool has no connection to give: a 503. */
    private static Response databaseUnavailable(Throwable e, HttpServerRequest request) {
        DATABASE_FAILURES.warn(e, request);
        return unavailable(request, DependencyFailures.DATABASE_UNAVAILABLE,
                "The database does not answer right now; try again shortly", null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        if (e.getConstraintViolations().stream().allMatch(v -> fieldName(v).equals("body") && v.getInvalidValue() == null)) {
            return Problems.response(request, 400, "BODY_REQUIRED", "This request needs a JSON body");
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.response(request, 422, "VALIDATION_FAILED", detail, errors, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        // the credential could not be checked because the database is down: not the caller's fault
        if (DependencyFailures.databaseUnreachable(e)) return databaseUnavailable(e, request);
        return withChallenge(Problems.response(request, 401, "UNAUTHENTICATED",
                "A valid bearer token or API key is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return Problems.response(request, 403, "FORBIDDEN", "You are not allowed to do this");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof InvalidFieldException invalid) {
            String field = jsonPath(invalid.getPath());
            String message = invalid.getOriginalMessage();
            return Problems.response(request, 422, "VALIDATION_FAILED", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), null);
        }
        return Problems.response(request, 400, "MALFORMED_JSON", describe(e));
    }

    /** Quarkus ships a body-less mapper for this subtype; this one replaces it. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) return json(json, request);
        int status = e.getResponse().getStatus();
        return switch (e) {
            case NotFoundException nf -> Problems.response(request, 404, "ROUTE_NOT_FOUND",
                    "No route matches " + request.method() + " " + request.path());
            case NotAllowedException na -> Response.fromResponse(Problems.response(request, 405, "METHOD_NOT_ALLOWED",
                            "Method " + request.method() + " is not allowed on " + request.path()))
                    .allow(allowedMethods.forPath(request.path())).build();
            case NotSupportedException ns -> Problems.response(request, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type " + request.getHeader("Content-Type") + " is not supported here");
            case NotAcceptableException nae -> Problems.response(request, 406, "NOT_ACCEPTABLE",
                    "None of the Accept types can be produced");
            default -> status >= 500 ? internal(e, request)
                    : Problems.response(request, status, status == 400 ? "BAD_REQUEST" : "HTTP_" + status,
                    status == 400 ? "The request is malformed" : "The request cannot be processed");
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (request.response().headWritten()) {
            // Vert.x already answered (a chunked body over the size limit gets its bare 413): nothing left to say.
            LOG.debugf("Response to %s %s was already sent when %s arrived", request.method(), request.path(), e);
            return null;
        }
        if (isFormDecodingFailure(e)) {
            return Problems.response(request, 400, "MALFORMED_FORM",
                    "The form body has a malformed percent-escape (each % must be followed by two hex digits)");
        }
        if (isMultipartParsingFailure(e)) {
            return Problems.response(request, 400, "MALFORMED_MULTIPART",
                    "The body is not a well-formed multipart/form-data message");
        }
        if (DependencyFailures.databaseUnreachable(e)) return databaseUnavailable(e, request);
        return internal(e, request);
    }

    /**
     * RESTEasy parses a multipart body before the resource runs and reports a broken one (no boundary, truncated) as an
     * IOException from its parser: recognised by where it was thrown, like {@link #isFormDecodingFailure}.
     */
    private static boolean isMultipartParsingFailure(Throwable e) {
        return e instanceof java.io.IOException
                && thrownBy(e, org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition.class);
    }

    private static boolean thrownBy(Throwable e, Class<?> parser) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(parser.getName())) return true;
        }
        return false;
    }

    /**
     * RESTEasy decodes a form body lazily, while it binds the form parameters, and reports a broken escape as a bare
     * IllegalArgumentException: recognised by where it was thrown, so no other IllegalArgumentException becomes a 400.
     */
    private static boolean isFormDecodingFailure(Throwable e) {
        return e instanceof IllegalArgumentException && thrownBy(e, FormEncodedDataDefinition.class);
    }

    private static Response internal(Throwable e, HttpServerRequest request) {
        Response response = Problems.response(request, 500, "INTERNAL_ERROR",
                "Something went wrong on our side; quote the trace id when reporting it");
        LOG.errorf(e, "Unhandled error on %s %s (trace %s)", request.method(), request.path(),
                ((Problem) response.getEntity()).traceId());
        return response;
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamReadException read && read.getMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            return "A field appears twice in the body: " + read.getOriginalMessage().substring("Duplicate field ".length());
        }
        if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Trailing token")) {
            return "The body has content after its JSON value";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InputCoercionException
                || e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException) {
            String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "";
            return field.isEmpty() ? "A number in the body is out of range" : "Field '" + field + "' is out of range";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = jsonPath(((JsonMappingException) e).getPath());
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? simpleType(m.getTargetType()) : "another type";
            return field.isEmpty() ? "The request body does not have the expected shape"
                    : "Field '" + field + "' has the wrong type; expected " + expected;
        }
        return "The request body is not valid JSON";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The JSON kind a Java target type expects, in the client's terms. */
    private static String simpleType(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "a number";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "an ISO-8601 time string such as 2027-01-01T00:00:00Z";
        if (type == java.util.UUID.class) return "a UUID string";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        return "an object";
    }

    /**
     * "register.request.nativeLanguage" → "native_language", "update.request.interests[0].&lt;list element&gt;" →
     * "interests[0]": the field as the client sent it; "body" for the body itself.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        String property = null;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = property == null ? node.getName() : property + "." + node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null && property != null) {
                property = property + "[" + node.getIndex() + "]";
            }
        }
        String name = property != null ? property : parameter;
        if (name == null || name.equals("request") || name.startsWith("arg")) return "body";
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
