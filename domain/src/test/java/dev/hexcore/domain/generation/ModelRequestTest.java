package dev.hexcore.domain.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ModelRequestTest {
    private static final List<ModelRef> CHAIN = List.of(ModelRef.parse("offline/offline"));
    private static final ImageData PNG = new ImageData("image/png", new byte[] {1});

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("chain", (Supplier<ModelRequest>) () -> ModelRequest.text("op", List.of(), "hi").build()),
                Arguments.of("operation", (Supplier<ModelRequest>) () -> ModelRequest.text(" ", CHAIN, "hi").build()),
                Arguments.of("json_schema", (Supplier<ModelRequest>) () -> ModelRequest.structured("op", CHAIN, "hi", null).build()),
                Arguments.of("images", (Supplier<ModelRequest>) () -> ModelRequest.image("op", CHAIN, "cat", List.of(), 1).build()),
                Arguments.of("images[0]", (Supplier<ModelRequest>) () -> ModelRequest.image("op", CHAIN, "cat",
                        List.of(new ImageData("image/gif", new byte[] {1})), 1).build()),
                Arguments.of("image_outputs", (Supplier<ModelRequest>) () -> ModelRequest.image("op", CHAIN, "cat", List.of(PNG), 0).build()),
                Arguments.of("messages", (Supplier<ModelRequest>) () -> ModelRequest.chat("op", CHAIN, List.of()).build()),
                Arguments.of("messages", (Supplier<ModelRequest>) () -> ModelRequest.chat("op", CHAIN,
                        List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello"))).build()),
                Arguments.of("budget", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").budget(Duration.ZERO).build()),
                Arguments.of("temperature", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").temperature(2.5).build()),
                Arguments.of("max_output_tokens", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").maxOutputTokens(0).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void a_request_that_breaks_an_invariant_is_refused(String field, Supplier<ModelRequest> build) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(build::get)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field).contains(field));
    }

    @Test
    void a_structured_request_carries_its_validators_and_normaliser_and_other_kinds_refuse_them() {
        ContentValidator validator = json -> java.util.List.of();
        ModelRequest request = ModelRequest.structured("op", CHAIN, "hi", "{}").validator(validator)
                .normaliser(LookalikeLetters.toCyrillic()).build();

        assertThat(request.validators()).containsExactly(validator);
        assertThat(request.normaliser()).isSameAs(LookalikeLetters.toCyrillic());
        assertThat(request.toBuilder().build().validators()).containsExactly(validator);
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> ModelRequest.text("op", CHAIN, "hi").validator(validator).build())
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .contains("validators"));
    }

    @Test
    void the_factories_fill_in_the_defaults() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "hi", "{}").build();

        assertThat(request.kind()).isEqualTo(GenerationKind.STRUCTURED);
        assertThat(request.mode()).isEqualTo(GenerationMode.BALANCED);
        assertThat(request.budget()).isEqualTo(ModelRequest.DEFAULT_BUDGET);
        assertThat(request.cache()).isEqualTo(CachePolicy.useDefault());
        assertThat(request.messages()).containsExactly(ChatMessage.user("hi"));
        assertThat(request.primary()).isEqualTo(new ModelRef("offline", "offline"));
        assertThat(ModelRequest.image("op", CHAIN, "cat", List.of(PNG), 3).build().imageOutputs()).isEqualTo(3);
    }
}
