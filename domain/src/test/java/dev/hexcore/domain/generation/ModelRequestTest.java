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
                Arguments.of("chain", (Supplier<ModelRequest>) () -> ModelRequest.text("op", List.of(), "hi")),
                Arguments.of("operation", (Supplier<ModelRequest>) () -> ModelRequest.text(" ", CHAIN, "hi")),
                Arguments.of("json_schema", (Supplier<ModelRequest>) () -> ModelRequest.structured("op", CHAIN, "hi", null)),
                Arguments.of("images", (Supplier<ModelRequest>) () -> ModelRequest.image("op", CHAIN, "cat", List.of(), 1)),
                Arguments.of("image_outputs", (Supplier<ModelRequest>) () -> ModelRequest.image("op", CHAIN, "cat", List.of(PNG), 0)),
                Arguments.of("messages", (Supplier<ModelRequest>) () -> ModelRequest.chat("op", CHAIN, List.of())),
                Arguments.of("messages", (Supplier<ModelRequest>) () -> ModelRequest.chat("op", CHAIN,
                        List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello")))),
                Arguments.of("budget", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").withBudget(Duration.ZERO)),
                Arguments.of("temperature", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").withTemperature(2.5)),
                Arguments.of("max_output_tokens", (Supplier<ModelRequest>) () -> ModelRequest.text("op", CHAIN, "hi").withMaxOutputTokens(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void a_request_that_breaks_an_invariant_is_refused(String field, Supplier<ModelRequest> build) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(build::get)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field).contains(field));
    }

    @Test
    void the_factories_fill_in_the_defaults() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "hi", "{}");

        assertThat(request.kind()).isEqualTo(GenerationKind.STRUCTURED);
        assertThat(request.mode()).isEqualTo(GenerationMode.BALANCED);
        assertThat(request.budget()).isEqualTo(ModelRequest.DEFAULT_BUDGET);
        assertThat(request.cache()).isEqualTo(CachePolicy.useDefault());
        assertThat(request.messages()).containsExactly(ChatMessage.user("hi"));
        assertThat(request.primary()).isEqualTo(new ModelRef("offline", "offline"));
        assertThat(ModelRequest.image("op", CHAIN, "cat", List.of(PNG), 3).imageOutputs()).isEqualTo(3);
    }
}
