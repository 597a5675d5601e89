package dev.hexcore.adapters.rest.generation;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.hexcore.adapters.rest.openapi.Examples;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.IsoTime;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.application.generation.ModelOperationsUseCase;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEventQuery;
import dev.hexcore.domain.generation.GenerationStats;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The model gateway for operators: provider keys (usage, cooldowns, disable/enable) and recorded calls with aggregates. */
@Path("/api/v1/admin")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminModelsResource {
    static final int MAX_REASON = 500;
    private static final String EVENTS_EXAMPLE = "{\"items\":[{\"operation\":\"roleplay\",\"kind\":\"text\",\"provider\":\"gemini\","
            + "\"model\":\"gemini-2.5-flash\",\"key_id\":\"gemini-a\",\"latency_ms\":812,\"upstream_ms\":805.213,"
            + "\"gateway_ms\":6.787,\"attempts\":1,\"repairs\":0,\"mode\":\"fast\",\"quality\":\"ok\",\"error_codes\":[],"
            + "\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160,\"cache_hit\":false,"
            + "\"occurred_at\":\"2026-11-22T10:00:00Z\"}],\"page\":1,\"limit\":20,\"total\":1,\"stats\":[{\"operation\":\"roleplay\","
            + "\"provider\":\"gemini\",\"model\":\"gemini-2.5-flash\",\"count\":1,\"errors\":0,\"error_rate\":0.0,"
            + "\"p50_latency_ms\":812.0,\"p95_latency_ms\":812.0,\"cache_hits\":0,\"cache_hit_rate\":0.0}]}";

    /** Body of POST .../disable: an optional reason. */
    public record DisableRequest(@Size(max = MAX_REASON) String reason) {
    }

    @RegisterForReflection(targets = {ModelKeyStatus.class, ModelKeyStatus.ModelUsage.class, GenerationStats.class})
    public record EventResponse(String operation, String kind, String provider, String model, String keyId, long latencyMs,
                                double upstreamMs, double gatewayMs, int attempts, int repairs, String mode, String quality, List<String> errorCodes,
                                int promptTokens, int completionTokens, int totalTokens, boolean cacheHit,
                                Instant occurredAt) {
        static EventResponse from(GenerationEvent e) {
            return new EventResponse(e.operation(), code(e.kind()), e.provider(), e.model(), e.keyId(), e.latencyMs(),
                    millis(e.upstream()), millis(e.latency().minus(e.upstream())), e.attempts(), e.repairs(), code(e.mode()), e.quality() == null ? "failed" : e.quality().code(),
                    e.errorCodes(), e.usage().promptTokens(), e.usage().completionTokens(), e.usage().totalTokens(),
                    e.cacheHit(), e.occurredAt());
        }
    }

    /** The list format of conventions.md plus the aggregates over every matching event (not just this page). */
    @RegisterForReflection
    public record EventsResponse(List<EventResponse> items, int page, int limit, long total, List<GenerationStats> stats) {
    }

    private final ModelOperationsUseCase operations;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Validator validator;

    public AdminModelsResource(ModelOperationsUseCase operations, SecurityIdentity identity, ObjectMapper json,
                               Validator validator) {
        this.operations = operations;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Path("/model-keys")
    @Operation(summary = "Every provider key: project, per-model usage this minute and day, remaining, cooldown, disabled reason")
    @APIResponse(responseCode = "200", description = "The keys (never their secrets)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ModelKeyStatus.class), examples = @ExampleObject(name = "keys", value = "[" + Examples.MODEL_KEY + "]")))
    public List<ModelKeyStatus> keys() {
        return operations.keys(Actors.of(identity));
    }

    @POST
    @Path("/model-keys/{id}/disable")
    @Operation(summary = "Stop using a key (optional body {\"reason\": \"...\"})")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DisableRequest.class),
            examples = @ExampleObject(name = "reason", value = "{\"reason\":\"leaked in a log\"}")))
    @APIResponse(responseCode = "200", description = "The key's new status", content = @Content(schema = @Schema(implementation = ModelKeyStatus.class), examples = @ExampleObject(name = "status", value = Examples.MODEL_KEY)))
    @APIResponse(responseCode = "404", description = "No such key")
    public ModelKeyStatus disable(@RestPath String id, @RestHeader("Content-Type") String contentType, String body)
            throws JsonProcessingException {
        return operations.setKeyEnabled(Actors.of(identity), id, false, reason(contentType, body));
    }

    /**
     * The optional body, read here rather than by RESTEasy: a bodiless POST usually has no Content-Type, which
     * RESTEasy would refuse with 415 before a JSON reader could see that there is nothing to read. Hence also
     * validated here, by the same Bean Validation rules and problem mapping as every other request record.
     */
    private String reason(String contentType, String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) return null;
        if (!isJson(contentType)) throw new NotSupportedException();
        DisableRequest request = json.readValue(body, DisableRequest.class);
        if (request == null) return null;
        Set<ConstraintViolation<DisableRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) throw new ConstraintViolationException(violations);
        return request.reason();
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @POST
    @Path("/model-keys/{id}/enable")
    @Operation(summary = "Use a disabled key again")
    @APIResponse(responseCode = "200", description = "The key's new status", content = @Content(schema = @Schema(implementation = ModelKeyStatus.class), examples = @ExampleObject(name = "status", value = Examples.MODEL_KEY)))
    @APIResponse(responseCode = "404", description = "No such key")
    public ModelKeyStatus enable(@RestPath String id) {
        return operations.setKeyEnabled(Actors.of(identity), id, true, null);
    }

    @GET
    @Path("/generation-events")
    @Operation(summary = "Recorded gateway calls, newest first, with count, error rate, p50/p95 latency and cache hit rate "
            + "per operation and model; filters: operation, provider, model, from, to (ISO-8601 date or date-time), failed, cache_hit")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total, stats}; upstream_ms is the time spent waiting "
            + "for the provider, gateway_ms the gateway's own time (latency_ms minus upstream_ms)",
            content = @Content(schema = @Schema(implementation = EventsResponse.class), examples = @ExampleObject(name = "events", value = EVENTS_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A malformed filter")
    public EventsResponse events(@Valid @BeanParam PageQuery page, @RestQuery String operation, @RestQuery String provider,
                                 @RestQuery String model, @RestQuery String from, @RestQuery String to,
                                 @RestQuery String failed, @RestQuery("cache_hit") String cacheHit) {
        // by hand, not Bean Validation: every malformed filter is reported at once, times included (IsoTime)
        List<FieldError> errors = new ArrayList<>();
        GenerationEventQuery query = new GenerationEventQuery(blankToNull(operation), blankToNull(provider),
                blankToNull(model), IsoTime.parse(from, "from", errors), IsoTime.parse(to, "to", errors),
                bool("failed", failed, errors), bool("cache_hit", cacheHit, errors));
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        var actor = Actors.of(identity);
        Page<GenerationEvent> found = operations.events(actor, query, page.toPageRequest());
        return new EventsResponse(found.items().stream().map(EventResponse::from).toList(), found.page(), found.limit(),
                found.total(), operations.stats(actor, query));
    }

    /** Milliseconds with microsecond precision. */
    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000 / 1_000.0;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Boolean bool(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(field, "must be true or false"));
                yield null;
            }
        };
    }
}
