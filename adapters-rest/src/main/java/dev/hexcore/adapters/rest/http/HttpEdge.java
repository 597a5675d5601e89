package dev.hexcore.adapters.rest.http;

import dev.hexcore.adapters.rest.problem.Problems;
import dev.hexcore.adapters.rest.trace.RequestTrace;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What happens to every HTTP request before and after JAX-RS: the trace id, one access-log line, the
 * {@code /health} alias, the request-line, header and query checks of ADR 0012, and problem bodies for what never
 * reaches a resource (unknown routes, oversize bodies, URIs and headers).
 */
@ApplicationScoped
public class HttpEdge {
    private static final Logger ACCESS = Logger.getLogger("hexcore.access");
    /** Routing-context key under which the security layer records the caller's id for the access log. */
    public static final String PRINCIPAL_KEY = "hexcore.principal";
    private static final String[] ACCESS_FIELDS = {"method", "path", "status", "latency_us", "trace_id", "principal"};

    private final MemorySize maxBodySize;
    /** Routes that take uploads, with the larger {@code quarkus.http.limits.max-body-size} instead of the default. */
    private final Set<String> uploadPaths;
    private final MemorySize maxUploadSize;
    /** Reads chunked bodies (no Content-Length) under the same limit, failing with 413 so a problem body is written. */
    private final BodyHandler chunkedBodies;
    /** The same for the upload routes, with their files written to the uploads directory as Quarkus would. */
    private final BodyHandler chunkedUploads;

    private final CorsOrigins corsOrigins;
    /**
     * The request-target and header limits, enforced here rather than by the HTTP codec: the codec's own refusals
     * (at its larger quarkus.http.limits) have no body, these are problems.
     */
    private final int maxUriLength;
    private final long maxHeadersSize;

    public HttpEdge(@ConfigProperty(name = "hexcore.http.max-body-size", defaultValue = "1M") MemorySize maxBodySize,
                    @ConfigProperty(name = "hexcore.http.upload-paths") Optional<Set<String>> uploadPaths,
                    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxUploadSize,
                    @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "file-uploads") String uploads,
                    @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins,
                    @ConfigProperty(name = "hexcore.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                    @ConfigProperty(name = "hexcore.http.max-headers-size", defaultValue = "16K") MemorySize maxHeadersSize) {
        this.maxBodySize = maxBodySize;
        this.uploadPaths = uploadPaths.orElse(Set.of());
        this.maxUploadSize = maxUploadSize;
        this.maxUriLength = maxUriLength;
        this.maxHeadersSize = maxHeadersSize.asLongValue();
        this.corsOrigins = new CorsOrigins(corsOrigins.orElse(List.of()));
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        this.chunkedUploads = BodyHandler.create(uploads).setBodyLimit(maxUploadSize.asLongValue())
                .setDeleteUploadedFilesOnEnd(true);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::traceAndLog);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.get("/health").order(Integer.MIN_VALUE + 1).handler(ctx -> ctx.reroute("/q/health"));
        router.route().last().handler(ctx -> Problems.write(ctx, 404, "ROUTE_NOT_FOUND",
                "No route matches " + ctx.request().method() + " " + ctx.request().path()));
    }

    private void traceAndLog(RoutingContext ctx) {
        long start = System.nanoTime();
        String traceId = RequestTrace.assign(ctx.request());
        if (!corsOrigins.allows(ctx.request())) {
            Problems.write(ctx, 403, "CORS_ORIGIN_NOT_ALLOWED",
                    "Origin " + ctx.request().getHeader("Origin") + " is not allowed to call this API");
            return;
        }
        if (ctx.request().uri().length() > maxUriLength) {
            Problems.write(ctx, 414, "URI_TOO_LONG", "The request URI is longer than the server accepts ("
                    + maxUriLength + " characters)");
            return;
        }
        if (headersSize(ctx) > maxHeadersSize) {
            Problems.write(ctx, 431, "HEADERS_TOO_LARGE", "The request headers are larger than the server accepts ("
                    + maxHeadersSize + " bytes)");
            return;
        }
        QueryText.Refusal query = QueryText.check(ctx.request().query());
        if (query != null) {
            Problems.write(ctx, query.status(), query.code(), query.detail(), query.errors());
            return;
        }
        boolean upload = uploadPaths.contains(ctx.request().path());
        long bodyLimit = upload ? maxUploadSize.asLongValue() : maxBodySize.asLongValue();
        if (declaredBodyTooLarge(ctx, bodyLimit)) {
            ctx.response().putHeader("Connection", "close");
            Problems.write(ctx, 413, "PAYLOAD_TOO_LARGE",
                    "The request body is larger than the server accepts (" + bodyLimit + " bytes)");
            return;
        }
        if (isChunked(ctx)) {
            (upload ? chunkedUploads : chunkedBodies).handle(ctx);
            return;
        }
        ctx.addEndHandler(done -> {
            if (ACCESS.isInfoEnabled()) logAccess(ctx, traceId, (System.nanoTime() - start) / 1_000);
        });
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            Problems.write(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than the server accepts");
        } else {
            ctx.next();
        }
    }

    /**
     * One line per request. The same facts also go into the MDC, so JSON logs (prod profile) carry them as fields
     * ({@code mdc.method}, {@code mdc.status}, ...) that a log pipeline can filter on.
     */
    private static void logAccess(RoutingContext ctx, String traceId, long micros) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        int status = ctx.response().getStatusCode();
        String principal = principal(ctx);
        MDC.put("method", method);
        MDC.put("path", path);
        MDC.put("status", status);
        MDC.put("latency_us", micros);
        MDC.put("trace_id", traceId);
        MDC.put("principal", principal);
        try {
            ACCESS.infof("%s %s %d %d.%03dms trace=%s principal=%s", method, path, status, micros / 1000, micros % 1000,
                    traceId, principal);
        } finally {
            for (String key : ACCESS_FIELDS) MDC.remove(key);
        }
    }

    /** Refused before the body is read, so the problem body reaches the client (Vert.x would answer with none). */
    private static boolean declaredBodyTooLarge(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) return false;
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long headersSize(RoutingContext ctx) {
        long size = 0;
        for (var header : ctx.request().headers()) size += header.getKey().length() + header.getValue().length() + 4;
        return size;
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")
                && ctx.request().getHeader("Content-Length") == null;
    }

    /** User id or API key id, never a secret; "-" for anonymous calls. */
    private static String principal(RoutingContext ctx) {
        String recorded = ctx.get(PRINCIPAL_KEY);
        if (recorded != null) return recorded;
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) return identity.getPrincipal().getName();
        }
        return "-";
    }
}
