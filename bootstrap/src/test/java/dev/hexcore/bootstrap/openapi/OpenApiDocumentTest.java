package dev.hexcore.bootstrap.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hexcore.bootstrap.support.OpenApiDocument;
import dev.hexcore.bootstrap.support.OpenApiDocument.Operation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document holds what clients rely on, for every operation, including ones added later: an operationId,
 * a schema and example for each success body, a problem schema and example for each declared error, and the
 * statuses every route of its kind can return.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private OpenApiDocument document;
    private final List<String> gaps = new ArrayList<>();

    @BeforeEach
    void fetch() {
        document = OpenApiDocument.fetch();
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Set<String> seen = new HashSet<>();
        for (Operation operation : document.operations()) {
            String id = operation.node().path("operationId").asText("");
            if (id.isBlank()) gaps.add(operation.name() + ": no operationId");
            else if (!seen.add(id)) gaps.add(operation.name() + ": operationId " + id + " is used twice");
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void everySuccessBodyHasASchemaAndJsonOnesAnExample() {
        for (Operation operation : document.operations()) {
            operation.node().path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2") || response.getKey().equals("204")) return;
                JsonNode content = response.getValue().path("content");
                if (content.isEmpty()) gaps.add(operation.name() + " " + response.getKey() + ": no content");
                content.fields().forEachRemaining(media -> {
                    if (!media.getValue().has("schema")) gaps.add(operation.name() + " " + response.getKey() + " " + media.getKey() + ": no schema");
                    if (media.getKey().contains("json") && !hasExample(media.getValue())) {
                        gaps.add(operation.name() + " " + response.getKey() + " " + media.getKey() + ": no example");
                    }
                });
            });
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyDeclaredErrorIsAProblemWithAnExample() {
        for (Operation operation : document.operations()) {
            operation.node().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().charAt(0) < '4') return;
                JsonNode problem = response.getValue().path("content").path("application/problem+json");
                if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                    gaps.add(operation.name() + " " + response.getKey() + ": no Problem schema");
                }
                if (!hasExample(problem)) gaps.add(operation.name() + " " + response.getKey() + ": no example");
            });
        }
        assertThat(gaps).isEmpty();
    }

    /** The statuses that follow from the shape of a route: an id in the path, a body, credentials, the rate limiter. */
    @Test
    void everyRouteDeclaresTheStatusesItsShapeImplies() {
        for (Operation operation : document.operations()) {
            JsonNode responses = operation.node().path("responses");
            List<String> expected = new ArrayList<>();
            if (operation.parameters().stream().anyMatch(p -> p.path("in").asText().equals("path"))) expected.add("404");
            if (operation.requestBody() != null) expected.addAll(List.of("400", "413", "415", "422"));
            if (operation.secured()) expected.addAll(List.of("401", "403"));
            if (!operation.parameters().isEmpty()) expected.add("422");
            if (!operation.path().equals("/api/v1/ping")) expected.add("429");
            for (String status : expected) {
                if (!responses.has(status)) gaps.add(operation.name() + ": " + status + " not declared");
            }
            if (operation.requestBody() != null && operation.requestBody().getValue().path("schema").isMissingNode()) {
                gaps.add(operation.name() + ": request body without a schema");
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void moneyIsDocumentedAsSentAndCallerVariantsCanBeToldApart() {
        JsonNode schemas = document.root().path("components").path("schemas");
        assertThat(schemas.path("Money").path("properties").path("value").path("type").asText()).isEqualTo("string");
        assertThat(schemas.path("Decimal").path("type").asText()).as("every BigDecimal, sent as text").isEqualTo("string");
        for (JsonNode variant : schemas.path("CallerResponse").path("oneOf")) {
            assertThat(document.resolve(variant).path("required")).as("required of %s", variant).isNotEmpty();
        }
    }

    private static boolean hasExample(JsonNode media) {
        return media.path("examples").size() > 0 || media.has("example");
    }
}
