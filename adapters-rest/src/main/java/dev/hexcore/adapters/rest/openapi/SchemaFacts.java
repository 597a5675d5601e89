package dev.hexcore.adapters.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the schemas generated from Java types cannot tell, so that every answer matches its schema (the fuzz test
 * validates each 2xx body against it): which properties may be null, which must be present, and how decimals are
 * sent. Kept here, in one table, because most of these types live in domain and application, which carry no
 * OpenAPI annotations.
 */
final class SchemaFacts {
    /** Properties written as JSON null when they have no value. */
    private static final Map<String, Set<String>> NULLABLE = Map.of(
            "ApiKeyResponse", Set.of("rate_limit_per_min", "last_used_at", "expires_at", "revoked_at"),
            "ProfileResponse", Set.of("expires_at"),
            "EventResponse", Set.of("key_id", "provider", "model"),
            "ModelKeyStatus", Set.of("disabled_reason", "cooldown_until"),
            "ExportResponse", Set.of("profile_id", "error", "started_at", "completed_at", "file_name", "size_bytes",
                    "download_url"),
            "UserResponse", Set.of("native_language", "target_language"),
            "ModelUsage", Set.of("requests_per_minute_left", "requests_per_day_left", "tokens_per_minute_left"),
            "BotUserResponse", Set.of("username", "last_generation_time", "referred_by", "first_generation_time",
                    "advertising_source"),
            "GenerationResponse", Set.of("provider", "model", "latency_ms", "error_code", "completed_at"));

    /** Properties always present; for the variants of a oneOf, they tell the variants apart. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "UserResponse", List.of("id", "username", "email", "roles", "status", "created_at"),
            "ApiKeyCallerResponse", List.of("id", "kind", "scopes"),
            "Money", List.of("value", "currency"));

    private SchemaFacts() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) return;
        NULLABLE.forEach((name, properties) -> {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) return;
            properties.forEach(property -> {
                Schema current = schema.getProperties().get(property);
                if (current != null) schema.addProperty(property, nullable(current));
            });
        });
        REQUIRED.forEach((name, required) -> {
            Schema schema = schemas.get(name);
            if (schema != null) schema.setRequired(required);
        });
        Schema caller = schemas.get("ApiKeyCallerResponse");
        if (caller != null && caller.getProperties() != null && caller.getProperties().get("kind") != null) {
            caller.getProperties().get("kind").setEnumeration(List.of("api_key"));
        }
        Schema money = schemas.get("Money");
        if (money != null && money.getProperties() != null) {
            // DecimalsAsText writes every BigDecimal as a string, so clients never round money through a float
            money.addProperty("value", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .pattern("^-?\\d+(\\.\\d+)?$").description("Decimal amount as a string, e.g. \"490.00\"")
                    .examples(List.of("490.00")));
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }
}
