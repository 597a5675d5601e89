package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.shared.InvalidValueException;
import java.util.List;

/**
 * A stand-in for a real validator with an easy rule: an instance is valid when it is a JSON object ({@code {...}})
 * that does not contain {@code "bad"}. A schema is readable when it starts with <code>{</code>.
 */
public final class FakeSchemaValidator implements JsonSchemaValidator {
    public static final String MISSING_NAME = "$.name: required property 'name' not found";

    @Override
    public List<String> validate(String schemaJson, String instanceJson) {
        checkSchema(schemaJson);
        String text = instanceJson.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) return List.of("instance is not valid JSON");
        return text.contains("\"bad\"") ? List.of(MISSING_NAME, "$.bad: is not allowed") : List.of();
    }

    @Override
    public void checkSchema(String schemaJson) {
        if (!schemaJson.strip().startsWith("{")) throw new InvalidValueException("json_schema", "is not JSON");
    }
}
