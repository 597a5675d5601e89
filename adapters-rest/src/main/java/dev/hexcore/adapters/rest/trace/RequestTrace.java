package dev.hexcore.adapters.rest.trace;

import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request gets a trace id: the one of an incoming W3C {@code traceparent} header, or a new one. It is sent back
 * in {@code X-Trace-Id}, written in the access log and in every problem body.
 */
public final class RequestTrace {
    public static final String HEADER = "X-Trace-Id";

    private RequestTrace() {
    }

    public static String assign(HttpServerRequest request) {
        String traceparent = request.getHeader("traceparent");
        String id = traceparent != null && traceparent.length() >= 35 && traceparent.charAt(2) == '-'
                ? traceparent.substring(3, 35) : newId();
        request.response().putHeader(HEADER, id);
        return id;
    }

    public static String traceId(HttpServerRequest request) {
        return request.response().headers().get(HEADER);
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
