package dev.hexcore.adapters.rest.problem;

import java.util.Map;

/** The documented problem types: status → (type path, title). Codes are listed in docs/api.md. */
public final class ProblemCatalog {
    public record Kind(String type, String title) {
    }

    private static final Map<Integer, Kind> BY_STATUS = Map.ofEntries(
            Map.entry(400, new Kind("/problems/bad-request", "Malformed request")),
            Map.entry(401, new Kind("/problems/unauthorized", "Authentication required")),
            Map.entry(402, new Kind("/problems/insufficient-credits", "Insufficient credits")),
            Map.entry(403, new Kind("/problems/forbidden", "Forbidden")),
            Map.entry(404, new Kind("/problems/not-found", "Not found")),
            Map.entry(405, new Kind("/problems/method-not-allowed", "Method not allowed")),
            Map.entry(406, new Kind("/problems/not-acceptable", "Not acceptable")),
            Map.entry(409, new Kind("/problems/conflict", "Conflict")),
            Map.entry(413, new Kind("/problems/payload-too-large", "Payload too large")),
            Map.entry(414, new Kind("/problems/uri-too-long", "URI too long")),
            Map.entry(415, new Kind("/problems/unsupported-media-type", "Unsupported media type")),
            Map.entry(422, new Kind("/problems/validation", "Validation failed")),
            Map.entry(429, new Kind("/problems/rate-limited", "Too many requests")),
            Map.entry(431, new Kind("/problems/headers-too-large", "Request header fields too large")),
            Map.entry(502, new Kind("/problems/bad-gateway", "Upstream answered badly")),
            Map.entry(503, new Kind("/problems/unavailable", "Service unavailable")));

    private ProblemCatalog() {
    }

    public static Kind of(int status) {
        return BY_STATUS.getOrDefault(status, new Kind("/problems/internal", "Internal error"));
    }
}
