package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.generation.fakes.FakeSchemaValidator;
import dev.hexcore.domain.generation.LookalikeLetters;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ValidationIssue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredCheckTest {
    private static final List<ModelRef> CHAIN = List.of(new ModelRef("offline", "offline"));
    private static final String SCHEMA = "{\"type\":\"object\"}";

    private final StructuredCheck checks = new StructuredCheck(new FakeSchemaValidator());

    @Test
    void schema_problems_are_schema_invalid_issues_and_the_validators_do_not_run_on_a_broken_shape() {
        List<String> seen = new ArrayList<>();
        ModelRequest request = ModelRequest.structured("op", CHAIN, "p", SCHEMA)
                .validator(json -> { seen.add(json); return List.of(); }).build();

        StructuredCheck.Checked checked = checks.check(request, "{\"bad\":1}");

        assertThat(checked.ok()).isFalse();
        assertThat(checked.codes()).containsExactly(ValidationIssue.SCHEMA_INVALID);
        assertThat(checked.issues()).extracting(ValidationIssue::detail).contains(FakeSchemaValidator.MISSING_NAME);
        assertThat(seen).isEmpty();
    }

    @Test
    void the_validators_run_in_order_on_the_normalised_answer_and_their_codes_are_kept_once_each() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "p", SCHEMA)
                .normaliser(LookalikeLetters.toCyrillic())
                .validator(json -> json.contains("сәлем") ? List.of()
                        : List.of(new ValidationIssue("WORD_MISSING", "сәлем")))
                .validator(json -> List.of(new ValidationIssue("TOO_SHORT", "a"), new ValidationIssue("TOO_SHORT", "b")))
                .build();

        StructuredCheck.Checked checked = checks.check(request, "{\"text\":\"Сәлeм! сәлeм\"}");

        assertThat(checked.json()).isEqualTo("{\"text\":\"Сәлем! сәлем\"}");
        assertThat(checked.codes()).containsExactly("TOO_SHORT");
        assertThat(checked.issues()).hasSize(2);
    }

    @Test
    void an_answer_that_passes_everything_is_ok() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "p", SCHEMA).validator(json -> List.of()).build();

        assertThat(checks.check(request, "{\"name\":\"Anna\"}").ok()).isTrue();
    }
}
