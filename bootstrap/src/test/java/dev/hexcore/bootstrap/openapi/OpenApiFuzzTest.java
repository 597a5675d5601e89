package dev.hexcore.bootstrap.openapi;

import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import dev.hexcore.bootstrap.support.OpenApiDocument;
import dev.hexcore.bootstrap.support.OpenApiDocument.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the running app from its own OpenAPI document and sends it generated bad and boundary
 * values, one parameter or body field at a time (wrong JSON types, extremes, huge numbers, NUL, control characters,
 * lone surrogates, broken UTF-8, out-of-range times), plus whole-body breakage. Calls carry valid credentials (an
 * admin API key with a high rate limit, or the admin's bearer token where only a token is accepted) so they get past
 * security. A query parameter that names something by id ({@code ?shop_id=}) gets an id the app itself handed out
 * for that collection ({@code POST /api/v1/shops} → {@code shop_id}), so routes that need one reach their success
 * paths; every operation's baseline is sent once before fuzzing starts, so what one route creates is there for all.
 * Ids in the path stay random: a real one would let the fuzzer revoke its own key or take the admin's roles away.
 *
 * <p>Fails on any 500, and on a 502/503 that the operation does not declare (the model gateway may answer those
 * when its upstream fails; that is documented behaviour, not bad input handling). Every 2xx JSON body must match the
 * operation's response schema. Routes added later are covered without edits. Deterministic: a fixed seed
 * ({@code -Dhexcore.fuzz.seed} to change it) and a bounded number of cases per operation.
 */
@QuarkusTest
class OpenApiFuzzTest {
    private static final long SEED = Long.getLong("hexcore.fuzz.seed", 20261204L);
    private static final int CASES_PER_OPERATION = Integer.getInteger("hexcore.fuzz.cases", 24);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** JSON Schema 2020-12 (what OpenAPI 3.1 uses), knowing that the components beside a schema are not a keyword. */
    private static final JsonMetaSchema OPENAPI_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword("components")).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OPENAPI_SCHEMA).defaultMetaSchemaIri(OPENAPI_SCHEMA.getIri()));

    /** Raw JSON literals that break a field: types, extremes, and text no store can hold. */
    private static final List<String> BAD_JSON_VALUES = List.of(
            "null", "true", "0", "-1", "1.5", "1e400", "99999999999999999999999999", "-9223372036854775809",
            "2147483648", "\"\"", "\" \"", "\"x\\u0000y\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u001b[31m\"", "\"line\\nbreak\"",
            "\"" + "x".repeat(5_000) + "\"", "\"-999999999-01-01T00:00:00Z\"", "\"+1000000000-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"2026-13-45\"", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"",
            "[]", "[null]", "[\"x\\u0000\"]", "{}", "{\"a\":1}", "\"\\ud83d\\udd11\"");

    /** Query and path values, already percent-encoded as they go on the wire. */
    private static final List<String> BAD_URL_VALUES = List.of(
            "", "-1", "0", "1", "999999999", "2147483648", "99999999999999999999", "1.5", "abc", "%00", "a%00b", "%01",
            "%1B%5B31m", "%ED%A0%80", "%FF", "%C0%80", "true", "null", "-999999999-01-01T00:00:00Z",
            "%2B1000000000-01-01T00:00:00Z", "0000-01-01", "2026-11-22", "2026-02-30T00:00:00Z", "x".repeat(3_000),
            "%F0%9F%94%91", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd", "%22%27%3B--");

    /** Whole bodies that are not one well-formed JSON object. */
    private static final List<String> BAD_BODIES = List.of(
            "", "null", "[]", "\"x\"", "0", "{}", "{}garbage", "{} {}", "{\"a\":1,\"a\":2}", "{", "\u0000", "{\"a\":\"\\ud800\"}");

    @Inject
    EnsureAdminUseCase admins;

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private Account admin;
    private Key key;
    private OpenApiDocument document;
    private int requests;
    /** Ids the app answered with, under the query parameter that names them: /api/v1/shops → shop_id. */
    private final Map<String, String> knownIds = new HashMap<>();

    @Test
    void noOperationAnswers5xxAndEvery2xxMatchesItsSchema() throws Exception {
        admin = newAdmin(admins);
        key = createKey(admin, "[\"admin\",\"profiles:read\",\"profiles:write\",\"exports\",\"bot\"]", 1_000_000);
        document = OpenApiDocument.fetch();
        List<Operation> operations = document.operations();
        assertThat(operations).as("operations in /q/openapi").hasSizeGreaterThan(10);
        for (Operation operation : operations) {
            Map.Entry<String, JsonNode> body = operation.requestBody();
            send(operation, Map.of(), body == null ? null : baselineBody(body.getValue()).toString(), body);
        }
        assertThat(knownIds).as("ids handed out by the app's collections").isNotEmpty();
        for (Operation operation : operations) fuzz(operation);
        assertThat(failures).as("%d requests, seed %d", requests, SEED).isEmpty();
    }

    private void fuzz(Operation operation) throws Exception {
        Map.Entry<String, JsonNode> body = operation.requestBody();
        JsonNode baseline = body == null ? null : baselineBody(body.getValue());
        List<JsonNode> parameters = operation.parameters();
        send(operation, Map.of(), baseline == null ? null : baseline.toString(), body);
        for (int i = 0; i < CASES_PER_OPERATION; i++) {
            Map<String, String> values = new HashMap<>();
            String payload = baseline == null ? null : baseline.toString();
            int choice = random.nextInt(10);
            if (!parameters.isEmpty() && (baseline == null || choice < 5)) {
                JsonNode parameter = parameters.get(random.nextInt(parameters.size()));
                values.put(parameter.path("name").asText(), pick(BAD_URL_VALUES));
            } else if (baseline != null && choice < 8 && body.getKey().contains("json")) {
                payload = mutateField(baseline);
            } else if (baseline != null) {
                payload = pick(BAD_BODIES);
            }
            send(operation, values, payload, body);
        }
    }

    private void send(Operation operation, Map<String, String> values, String payload, Map.Entry<String, JsonNode> body)
            throws Exception {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String value = values.get(name);
            if (parameter.path("in").asText().equals("path")) {
                String segment = value != null ? value : UUID.randomUUID().toString();
                path = path.replace("{" + name + "}", segment.isEmpty() ? "x" : segment);
            } else if (parameter.path("in").asText().equals("query")) {
                String filled = value != null ? value : knownIds.get(name);
                if (filled != null) query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(filled);
            }
        }
        RequestSpecification request = credentials(operation).urlEncodingEnabled(false);
        if (payload != null && body.getKey().contains("multipart/form-data")) {
            request = multipart(request, payload);
        } else if (payload != null) {
            String mediaType = body.getKey();
            request = request.contentType(mediaType).body(mediaType.contains("x-www-form-urlencoded") ? form(payload) : payload);
        }
        Response response = request.request(operation.method().toUpperCase(), path + query);
        requests++;
        check(operation, path + query, payload, response);
    }

    private RequestSpecification credentials(Operation operation) {
        if (!operation.secured()) return from(newAddress());
        if (operation.acceptsApiKey()) return from(newAddress()).header("X-API-Key", key.secret());
        return from(newAddress()).header("Authorization", "Bearer " + admin.tokens().access());
    }

    private void check(Operation operation, String target, String payload, Response response) throws Exception {
        int status = response.statusCode();
        String call = operation.method().toUpperCase() + " " + abbreviate(target) + (payload == null ? "" : " " + abbreviate(payload));
        boolean declared = operation.node().path("responses").has(String.valueOf(status));
        if (status == 500 || status > 500 && !declared) {
            failures.add(call + " → " + status + " " + abbreviate(response.asString()));
            return;
        }
        if (status < 200 || status >= 300 || response.asByteArray().length == 0) return;
        String contentType = response.contentType();
        if (contentType == null || !contentType.startsWith("application/json")) return;
        JsonNode media = operation.node().path("responses").path(String.valueOf(status)).path("content").path("application/json");
        if (!declared || media.path("schema").isMissingNode()) {
            failures.add(call + " → " + status + " with a JSON body, but no schema is declared for it");
            return;
        }
        JsonSchema schema = SCHEMAS.getSchema(document.standalone(media.path("schema")));
        JsonNode answer = JSON.readTree(response.asString());
        Set<ValidationMessage> errors = schema.validate(answer);
        if (!errors.isEmpty()) failures.add(call + " → " + status + " does not match its schema: " + errors);
        rememberId(operation, answer);
    }

    /** The id a collection answered with (its body's, or its first item's), as the parameter naming it would take it. */
    private void rememberId(Operation operation, JsonNode answer) {
        String collection = operation.path().substring(operation.path().lastIndexOf('/') + 1);
        if (collection.startsWith("{")) return;
        JsonNode id = answer.has("items") ? answer.path("items").path(0).path("id") : answer.path("id");
        if (id.isTextual()) knownIds.putIfAbsent(singular(collection).replace('-', '_') + "_id", id.asText());
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) return plural.substring(0, plural.length() - 3) + "y";
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** A body the operation should accept: its first example, or one built from the schema's required fields. */
    private JsonNode baselineBody(JsonNode media) {
        Iterator<JsonNode> examples = media.path("examples").elements();
        if (examples.hasNext()) return examples.next().path("value");
        if (media.has("example")) return media.get("example");
        return sample(media.path("schema"), 0);
    }

    private JsonNode sample(JsonNode schemaRef, int depth) {
        JsonNode schema = document.resolve(schemaRef);
        if (schema == null || depth > 4) return NODES.nullNode();
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.textNode(schema.has("enum") ? schema.path("enum").path(0).asText() : "sample");
        };
    }

    /** The baseline with one field, at any depth, replaced by a bad value (or one bad field added). */
    private String mutateField(JsonNode baseline) throws Exception {
        List<String> pointers = new ArrayList<>();
        collectFields(baseline, "", pointers);
        String bad = pick(BAD_JSON_VALUES);
        if (pointers.isEmpty() || !(baseline instanceof ObjectNode)) return "{\"unexpected\":" + bad + "}";
        String pointer = pointers.get(random.nextInt(pointers.size()));
        JsonNode copy = baseline.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
        String name = pointer.substring(cut + 1);
        if (!(parent instanceof ObjectNode object)) return copy.toString();
        // the value goes in as raw JSON text, so lone surrogates and huge numbers reach the server unchanged
        String marker = "\"__fuzz_" + random.nextInt(1_000_000) + "__\"";
        object.set(name, NODES.textNode(marker.substring(1, marker.length() - 1)));
        return copy.toString().replace(marker, bad);
    }

    private static void collectFields(JsonNode node, String pointer, List<String> pointers) {
        if (!node.isObject()) return;
        node.fields().forEachRemaining(field -> {
            String child = pointer + "/" + field.getKey();
            pointers.add(child);
            collectFields(field.getValue(), child, pointers);
        });
    }

    /** A JSON example turned into the form body it stands for; raw values stay percent-encoded as they are. */
    /** A multipart body: each field of a JSON object as a part of its own (a file part for binary fields), else the raw payload as one file part. */
    private static RequestSpecification multipart(RequestSpecification request, String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            return request.multiPart("file", "payload.bin", payload.getBytes(StandardCharsets.UTF_8));
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String value = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
            request = request.multiPart(field.getKey(), field.getKey() + ".bin", value.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }

    private static String form(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) return payload;
            StringBuilder form = new StringBuilder();
            node.fields().forEachRemaining(field -> form.append(form.isEmpty() ? "" : "&").append(field.getKey()).append('=')
                    .append(URLEncoder.encode(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString(),
                            StandardCharsets.UTF_8)));
            return form.toString();
        } catch (Exception e) {
            return payload;
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
