package dev.hexcore.adapters.ai.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds a JSON value that satisfies a JSON Schema, choosing values with a seeded random and words from the prompt, so
 * the same schema and prompt always give the same value. Covers what structured generation schemas use: objects with
 * properties and required, arrays with items, minItems, maxItems and uniqueItems, strings with enum, const, minLength,
 * maxLength and the common formats, numbers and integers within their bounds, booleans, null, local {@code $ref},
 * allOf, anyOf and oneOf (the first branch). A schema with {@code examples} gives one of them, so a feature can make
 * the offline answer read naturally (in its language). {@code pattern} is not honoured.
 */
final class SchemaInstanceGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;

    private final JsonNode root;
    private final SplittableRandom random;
    private final List<String> words;

    SchemaInstanceGenerator(JsonNode root, long seed, List<String> words) {
        this.root = root;
        this.random = new SplittableRandom(seed);
        this.words = words.isEmpty() ? List.of("offline", "answer") : words;
    }

    JsonNode generate() {
        return value(root, "value", 0);
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        if (schema == null || schema.isMissingNode()) return NODES.textNode(text(name, 0, 40));
        if (schema.isBoolean()) return schema.booleanValue() ? NODES.textNode(text(name, 0, 40)) : NODES.nullNode();
        if (depth > MAX_DEPTH) return NODES.nullNode();
        if (schema.has("$ref")) return value(resolve(schema.get("$ref").asText()), name, depth + 1);
        if (schema.has("const")) return schema.get("const").deepCopy();
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size())).deepCopy();
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            JsonNode examples = schema.get("examples");
            return examples.get(random.nextInt(examples.size())).deepCopy();
        }
        if (schema.has("allOf")) return value(merge(schema), name, depth + 1);
        if (schema.has("oneOf")) return value(schema.get("oneOf").get(0), name, depth + 1);
        if (schema.has("anyOf")) return value(schema.get("anyOf").get(0), name, depth + 1);
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> string(schema, name);
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) return type.asText();
        if (type != null && type.isArray()) {
            for (JsonNode t : type) if (!"null".equals(t.asText())) return t.asText();
            return "null";
        }
        if (schema.has("properties") || schema.has("required")) return "object";
        if (schema.has("items") || schema.has("prefixItems")) return "array";
        if (schema.has("minimum") || schema.has("maximum")) return "number";
        return "string";
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) return NODES.booleanNode(true);
        String pointer = ref.substring(1);
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    /** allOf as one schema: the parent's keywords and every branch's, properties and required combined. */
    private JsonNode merge(JsonNode schema) {
        ObjectNode merged = schema.deepCopy();
        merged.remove("allOf");
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        Set<String> requiredNames = new HashSet<>();
        for (JsonNode part : iterable(schema.get("allOf"), schema)) {
            JsonNode branch = part.has("$ref") ? resolve(part.get("$ref").asText()) : part;
            if (!branch.isObject()) continue;
            branch.fields().forEachRemaining(field -> {
                switch (field.getKey()) {
                    case "properties" -> properties.setAll((ObjectNode) field.getValue());
                    case "required" -> field.getValue().forEach(n -> {
                        if (requiredNames.add(n.asText())) required.add(n.asText());
                    });
                    case "allOf" -> { }
                    default -> merged.set(field.getKey(), field.getValue());
                }
            });
        }
        if (!properties.isEmpty()) merged.set("properties", properties);
        if (!required.isEmpty()) merged.set("required", required);
        return merged;
    }

    private static Iterable<JsonNode> iterable(JsonNode allOf, JsonNode parent) {
        ArrayNode all = NODES.arrayNode();
        ObjectNode self = parent.deepCopy();
        self.remove("allOf");
        all.add(self);
        allOf.forEach(all::add);
        return all;
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        int maxProperties = schema.path("maxProperties").asInt(Integer.MAX_VALUE);
        for (String name : required) {
            object.set(name, value(properties.get(name), name, depth + 1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (object.size() >= maxProperties) break;
            if (!object.has(property.getKey())) object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
        }
        int minProperties = schema.path("minProperties").asInt(0);
        JsonNode additional = schema.get("additionalProperties");
        boolean mayAdd = additional == null || !(additional.isBoolean() && !additional.booleanValue());
        for (int i = 1; object.size() < minProperties && mayAdd; i++) {
            object.set("extra_" + i, value(additional != null && additional.isObject() ? additional : null, "extra", depth + 1));
        }
        return object;
    }

    private JsonNode array(JsonNode schema, String name, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(Math.max(min, 3));
        int count = Math.max(min, Math.min(max, Math.max(1, Math.min(3, min + 1 + random.nextInt(2)))));
        JsonNode prefix = schema.path("prefixItems");
        JsonNode items = schema.get("items");
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0, tries = 0; array.size() < count && tries < count * 10; tries++) {
            JsonNode itemSchema = i < prefix.size() ? prefix.get(i) : items;
            JsonNode item = value(itemSchema, singular(name), depth + 1);
            if (unique && !seen.add(item)) continue;
            array.add(item);
            i++;
        }
        return array;
    }

    private JsonNode integer(JsonNode schema) {
        long low = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : Long.MIN_VALUE;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            low = Math.max(low, (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1);
        }
        long high = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : Long.MAX_VALUE;
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            high = Math.min(high, (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1);
        }
        if (low == Long.MIN_VALUE) low = high == Long.MAX_VALUE ? 1 : Math.min(1, high) - 100;
        if (high == Long.MAX_VALUE) high = Math.max(low, 0) + 100;
        if (high < low) high = low;
        long value = low + random.nextLong(high - low + 1);
        long step = schema.has("multipleOf") ? Math.max(1, schema.get("multipleOf").asLong()) : 1;
        if (step > 1) {
            long up = Math.floorDiv(value + step - 1, step) * step;
            long down = Math.floorDiv(value, step) * step;
            value = up <= high ? up : down;
        }
        return NODES.numberNode(value);
    }

    private JsonNode number(JsonNode schema) {
        if (schema.has("multipleOf")) return integer(schema);
        double low = schema.has("minimum") ? schema.get("minimum").asDouble() : Double.NaN;
        double high = schema.has("maximum") ? schema.get("maximum").asDouble() : Double.NaN;
        boolean exclusiveLow = false;
        boolean exclusiveHigh = false;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            low = schema.get("exclusiveMinimum").asDouble();
            exclusiveLow = true;
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            high = schema.get("exclusiveMaximum").asDouble();
            exclusiveHigh = true;
        }
        if (Double.isNaN(low)) low = Double.isNaN(high) ? 0 : high - 100;
        if (Double.isNaN(high)) high = low + 100;
        double span = high - low;
        double value = low + span * (0.1 + 0.8 * random.nextDouble());
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        double candidate = rounded.doubleValue();
        boolean fits = (exclusiveLow ? candidate > low : candidate >= low) && (exclusiveHigh ? candidate < high : candidate <= high);
        return NODES.numberNode(fits ? rounded : BigDecimal.valueOf(value));
    }

    private JsonNode string(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String word = word();
        String text = switch (format) {
            case "date" -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3650)).toString();
            case "date-time" -> LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(random.nextLong(315_360_000L))
                    .atOffset(ZoneOffset.UTC).toString();
            case "time" -> String.format(Locale.ROOT, "%02d:%02d:%02dZ", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            case "email" -> ascii(word) + "." + random.nextInt(1000) + "@example.com";
            case "uri", "url", "iri" -> "https://example.com/" + ascii(word);
            case "hostname" -> ascii(word) + ".example.com";
            case "ipv4" -> "192.0.2." + (1 + random.nextInt(254));
            case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
            case "uuid" -> UUID.nameUUIDFromBytes((name + random.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
            default -> null;
        };
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (text != null) return NODES.textNode(text);
        return NODES.textNode(text(name, minLength, maxLength));
    }

    private String text(String name, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder(name.replace('_', ' ')).append(": ").append(word());
        int extra = 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) text.append(' ').append(word());
        while (text.codePointCount(0, text.length()) < minLength) text.append(' ').append(word());
        String result = text.toString();
        if (result.codePointCount(0, result.length()) > maxLength) {
            result = result.substring(0, result.offsetByCodePoints(0, maxLength));
        }
        return result;
    }

    private String word() {
        return words.get(random.nextInt(words.size()));
    }

    private static String ascii(String word) {
        String cleaned = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return cleaned.isEmpty() ? "offline" : cleaned;
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
