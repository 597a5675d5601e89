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
    private static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry("ApiKeyResponse", Set.of("rate_limit_per_min", "last_used_at", "expires_at", "revoked_at")),
            Map.entry("ProfileResponse", Set.of("expires_at")),
            Map.entry("EventResponse", Set.of("key_id", "provider", "model")),
            Map.entry("ModelKeyStatus", Set.of("disabled_reason", "cooldown_until")),
            Map.entry("ExportResponse", Set.of("profile_id", "error", "started_at", "completed_at", "file_name",
                    "size_bytes", "download_url")),
            Map.entry("UserResponse", Set.of("native_language", "target_language", "telegram_id")),
            Map.entry("ModelUsage", Set.of("requests_per_minute_left", "requests_per_day_left", "tokens_per_minute_left")),
            // the CRM's optional fields (seed 004)
            Map.entry("ShopResponse", Set.of("address", "phone")),
            Map.entry("CustomerResponse", Set.of("email", "telegram_id", "notes")),
            Map.entry("ProductResponse", Set.of("description")),
            Map.entry("SupplyResponse", Set.of("comment", "received_at", "received_by")),
            Map.entry("OrderResponse", Set.of("delivery_address", "delivery_date", "delivery_time_from",
                    "delivery_time_to", "recipient_name", "recipient_phone", "card_text", "comment")),
            Map.entry("OrderSummaryResponse", Set.of("delivery_date")),
            Map.entry("HistoryResponse", Set.of("from_status", "changed_by", "changed_by_name", "comment")),
            Map.entry("TaskResponse", Set.of("florist_id", "started_at", "completed_at")),
            // courses and lessons (seed 002): a word never reviewed has no next review; a level id that is not in
            // the course has no topic; retry_after_seconds only when a lesson failed for quota
            Map.entry("VocabularyItem", Set.of("next_review_at")),
            Map.entry("FailedTopicResponse", Set.of("topic")),
            Map.entry("PathResponse", Set.of("retry_after_seconds")),
            // vocabulary reviews (issue 14): a new word has no next review yet
            Map.entry("DailyReviewItem", Set.of("next_review_at")),
            // the Telegram bot (seed 003)
            Map.entry("BotUserResponse", Set.of("username", "last_generation_time", "referred_by",
                    "first_generation_time", "advertising_source")),
            Map.entry("GenerationResponse", Set.of("provider", "model", "latency_ms", "error_code", "completed_at")));

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
