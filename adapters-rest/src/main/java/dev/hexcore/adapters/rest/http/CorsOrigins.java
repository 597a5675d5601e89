package dev.hexcore.adapters.rest.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The origins {@code quarkus.http.cors.origins} allows (exact values, {@code /regex/} entries or {@code *}), checked
 * at the edge so that a refused cross-origin request gets a problem body instead of Vert.x's bare 403.
 */
final class CorsOrigins {
    private final boolean any;
    private final List<String> exact;
    private final List<Pattern> patterns;

    CorsOrigins(List<String> configured) {
        this.any = configured.stream().anyMatch(o -> o.equals("*"));
        this.exact = configured.stream().filter(o -> !isRegex(o)).toList();
        this.patterns = configured.stream().filter(CorsOrigins::isRegex)
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
    }

    /** True when the request has no Origin, comes from the service's own origin, or from an allowed one. */
    boolean allows(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || any || exact.contains(origin) || sameOrigin(origin, request)) return true;
        return patterns.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        try {
            URI uri = URI.create(origin);
            return uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(request.authority() == null
                    ? request.getHeader("Host") : request.authority().toString());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isRegex(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }
}
