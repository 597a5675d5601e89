package dev.hexcore.adapters.ai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class NetworkntJsonSchemaValidatorTest {
    private static final String PERSON = """
            {"type":"object","required":["name","age"],"additionalProperties":false,
             "properties":{"name":{"type":"string","minLength":2},"age":{"type":"integer","minimum":0},
                           "born":{"type":"string","format":"date"}}}""";

    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @Test
    void a_valid_instance_has_no_problems() {
        assertThat(validator.validate(PERSON, "{\"name\":\"Anna\",\"age\":30,\"born\":\"1996-02-29\"}")).isEmpty();
    }

    @Test
    void every_problem_is_reported_with_its_path() {
        assertThat(validator.validate(PERSON, "{\"name\":\"A\",\"age\":-1,\"born\":\"yesterday\",\"extra\":true}"))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("$.name"))
                .anySatisfy(p -> assertThat(p).contains("$.age"))
                .anySatisfy(p -> assertThat(p).contains("$.born"))
                .anySatisfy(p -> assertThat(p).contains("extra"));
        assertThat(validator.validate(PERSON, "{}")).hasSize(2);
    }

    @Test
    void an_answer_that_is_not_json_is_one_problem() {
        assertThat(validator.validate(PERSON, "{\"name\": \"Anna\",")).singleElement()
                .satisfies(p -> assertThat(p).startsWith("the answer is not valid JSON"));
        assertThat(validator.validate(PERSON, "Sure! {\"name\":\"Anna\"}")).hasSize(1);
        assertThat(validator.validate(PERSON, "{\"name\":\"Anna\",\"age\":1} trailing")).hasSize(1);
        assertThat(validator.validate(PERSON, "")).hasSize(1);
    }

    @Test
    void draft_07_schemas_are_accepted() {
        String draft7 = """
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","required":["tags"],
                 "definitions":{"tag":{"type":"string","enum":["a","b"]}},
                 "properties":{"tags":{"type":"array","items":{"$ref":"#/definitions/tag"},"maxItems":2}}}""";

        assertThat(validator.validate(draft7, "{\"tags\":[\"a\",\"b\"]}")).isEmpty();
        assertThat(validator.validate(draft7, "{\"tags\":[\"a\",\"c\",\"b\"]}")).hasSize(2);
    }

    @Test
    void an_unreadable_schema_is_an_invalid_value() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> validator.checkSchema("{\"type\":"))
                .satisfies(e -> assertThat(e.errors().get(0).field()).isEqualTo("json_schema"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> validator.checkSchema("[1,2]"));
        validator.checkSchema(PERSON);
    }

    @Test
    void a_schema_cannot_make_the_validator_fetch_remote_references() {
        String remote = "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://example.invalid/s.json\"}}}";

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> validator.checkSchema(remote))
                .satisfies(e -> assertThat(e.getMessage()).contains("not allowed to be loaded"));
    }
}
