package dev.hexcore.domain.generation;

import java.util.List;

/** Checks JSON text against a JSON Schema (draft 2020-12 unless the schema names another draft). */
public interface JsonSchemaValidator {
    /**
     * @return readable problems ("$.age: must be at least 0"), empty when the instance is valid; an instance that is
     *         not JSON at all yields one problem saying so
     * @throws dev.hexcore.domain.shared.InvalidValueException when the schema itself cannot be read
     */
    List<String> validate(String schemaJson, String instanceJson);

    /** @throws dev.hexcore.domain.shared.InvalidValueException (field {@code json_schema}) when the schema is unusable */
    void checkSchema(String schemaJson);
}
