package dev.hexcore.adapters.rest.problem;

import dev.hexcore.adapters.rest.trace.RequestTrace;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds problem responses, for JAX-RS mappers and for plain Vert.x routes alike. */
public final class Problems {
    private Problems() {
    }

    public static Problem problem(int status, String code, String detail, String path, String traceId,
                                  List<Problem.FieldError> errors, Map<String, Object> extensions) {
        ProblemCatalog.Kind kind = ProblemCatalog.of(status);
        return new Problem(kind.type(), kind.title(), status, detail, path, code, traceId, errors, extensions);
    }

    public static Response response(HttpServerRequest request, int status, String code, String detail) {
        return response(request, status, code, detail, null, null);
    }

    public static Response response(HttpServerRequest request, int status, String code, String detail,
                                    List<Problem.FieldError> errors, Map<String, Object> extensions) {
        String path = request == null ? null : request.path();
        String traceId = request == null ? null : RequestTrace.traceId(request);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, code, detail, path, traceId, errors, extensions)).build();
    }

    /**
     * The one shape of every 429: {@code limit}, {@code remaining} and {@code reset_at} in the body, and
     * {@code Retry-After} in whole seconds, at least 1.
     */
    public static Response tooManyRequests(HttpServerRequest request, String code, String detail, long limit,
                                           long remaining, Duration resetAfter, Duration retryAfter) {
        Map<String, Object> numbers = Map.of("limit", limit, "remaining", remaining,
                "reset_at", Instant.now().plus(resetAfter).toString());
        return Response.fromResponse(response(request, 429, code, detail, null, numbers))
                .header("Retry-After", Math.max(1, ceilSeconds(retryAfter))).build();
    }

    /** Whole seconds, rounded up: what the rate-limit headers carry. */
    public static long ceilSeconds(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }

    /** For requests that never reach JAX-RS (unknown routes, oversize bodies). */
    public static void write(RoutingContext ctx, int status, String code, String detail) {
        write(ctx, status, code, detail, null);
    }

    /** As {@link #write(RoutingContext, int, String, String)}, with the fields at fault (a 422). */
    public static void write(RoutingContext ctx, int status, String code, String detail, List<Problem.FieldError> errors) {
        if (ctx.response().ended()) return;
        Problem body = problem(status, code, detail, ctx.request().path(), RequestTrace.traceId(ctx.request()), errors, null);
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(body));
    }
}
