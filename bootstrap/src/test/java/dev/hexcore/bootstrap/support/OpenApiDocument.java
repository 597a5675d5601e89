package dev.hexcore.bootstrap.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The running app's own OpenAPI document (/q/openapi), walked operation by operation. */
public final class OpenApiDocument {
    public static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument fetch() {
        try {
            return new OpenApiDocument(JSON.readTree(given().get("/q/openapi?format=json").asString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read /q/openapi", e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** One operation: its method and path template, and its node in the document. */
    public record Operation(String method, String path, JsonNode node) {
        public String name() {
            return method.toUpperCase() + " " + path;
        }

        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }

        /** The first media type of the request body, or null without one. */
        public Map.Entry<String, JsonNode> requestBody() {
            Iterator<Map.Entry<String, JsonNode>> media = node.path("requestBody").path("content").fields();
            return media.hasNext() ? media.next() : null;
        }

        public boolean secured() {
            return node.path("security").size() > 0;
        }

        /** Whether an API key alone may call it (otherwise a bearer token is needed). */
        public boolean acceptsApiKey() {
            for (JsonNode requirement : node.path("security")) {
                if (requirement.has("apiKey")) return true;
            }
            return false;
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
        }));
        return operations;
    }

    /** Follows a local {@code $ref} (#/components/...) once; other nodes are returned as they are. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref") && depth < 10; depth++) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** {@code schema} as a standalone JSON Schema: the document's components beside it, so its $refs resolve. */
    public ObjectNode standalone(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.set("components", root.path("components"));
        return copy;
    }
}
