package dev.hexcore.adapters.ai.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema validation with networknt json-schema-validator: draft 2020-12 unless the schema's {@code $schema} names
 * another draft (draft-07 and the others the library knows). Formats (date, email, ...) are asserted; problems name
 * their place as a JSON path ({@code $.age: must have a minimum value of 0}). Schemas come from
 * API callers, so a {@code $ref} may only point inside the schema or at the bundled meta-schemas: nothing is fetched
 * over the network or from files. Compiled schemas are kept (a few hundred at most).
 */
@ApplicationScoped
public class NetworkntJsonSchemaValidator implements JsonSchemaValidator {
    private static final int MAX_COMPILED = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();

    private final Map<VersionFlag, JsonSchemaFactory> factories = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    @Override
    public List<String> validate(String schemaJson, String instanceJson) {
        JsonSchema schema = compile(schemaJson);
        JsonNode instance;
        try {
            instance = instanceJson == null ? null : MAPPER.readTree(instanceJson);
        } catch (JsonProcessingException e) {
            return List.of("the answer is not valid JSON: " + e.getOriginalMessage());
        }
        if (instance == null || instance.isMissingNode()) return List.of("the answer is not valid JSON: it is empty");
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    @Override
    public void checkSchema(String schemaJson) {
        compile(schemaJson);
    }

    private JsonSchema compile(String schemaJson) {
        if (schemaJson == null) throw new InvalidValueException("json_schema", "is required");
        JsonSchema known = compiled.get(schemaJson);
        if (known != null) return known;
        JsonNode node;
        try {
            node = MAPPER.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("json_schema", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new InvalidValueException("json_schema", "must be a JSON object");
        }
        JsonSchema schema;
        try {
            VersionFlag version = SpecVersionDetector.detectOptionalVersion(node, false).orElse(VersionFlag.V202012);
            schema = factories.computeIfAbsent(version, NetworkntJsonSchemaValidator::factory).getSchema(node, CONFIG);
            schema.initializeValidators();
        } catch (RuntimeException e) {
            throw new InvalidValueException("json_schema", "cannot be used: " + e.getMessage());
        }
        if (compiled.size() >= MAX_COMPILED) compiled.clear();
        compiled.put(schemaJson, schema);
        return schema;
    }

    private static JsonSchemaFactory factory(VersionFlag version) {
        return JsonSchemaFactory.getInstance(version, builder -> builder.schemaLoaders(loaders -> loaders.values(
                list -> list.add(0, new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))));
    }
}
