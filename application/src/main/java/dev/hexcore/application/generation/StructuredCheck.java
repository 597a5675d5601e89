package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ContentValidator;
import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ValidationIssue;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a structured answer: the request's normaliser first, then the JSON Schema (each problem is a
 * {@link ValidationIssue#SCHEMA_INVALID} issue), then, only for a schema-valid answer, the feature's
 * {@link ContentValidator}s in order (they may rely on the schema's shape).
 */
final class StructuredCheck {
    /** The answer as normalised, and its problems (empty: OK). */
    record Checked(String json, List<ValidationIssue> issues) {
        Checked {
            issues = List.copyOf(issues);
        }

        boolean ok() {
            return issues.isEmpty();
        }

        /** The distinct codes, in the order met. */
        List<String> codes() {
            return issues.stream().map(ValidationIssue::code).distinct().toList();
        }
    }

    private final JsonSchemaValidator schemas;

    StructuredCheck(JsonSchemaValidator schemas) {
        this.schemas = schemas;
    }

    /** @throws dev.hexcore.domain.shared.InvalidValueException when the request's schema cannot be used */
    void checkSchema(ModelRequest request) {
        schemas.checkSchema(request.jsonSchema());
    }

    Checked check(ModelRequest request, String answer) {
        String json = answer == null ? "" : answer;
        if (request.normaliser() != null) json = request.normaliser().normalise(json);
        List<ValidationIssue> issues = new ArrayList<>();
        for (String problem : schemas.validate(request.jsonSchema(), json)) {
            issues.add(new ValidationIssue(ValidationIssue.SCHEMA_INVALID, problem));
        }
        if (issues.isEmpty()) {
            for (ContentValidator validator : request.validators()) issues.addAll(validator.check(json));
        }
        return new Checked(json, issues);
    }
}
