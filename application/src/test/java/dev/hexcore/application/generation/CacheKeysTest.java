package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
    private static final List<ModelRef> CHAIN = List.of(new ModelRef("gemini", "flash"), new ModelRef("offline", "offline"));

    private static String key(ModelRequest request) {
        return CacheKeys.of(request).orElseThrow();
    }

    @Test
    void the_key_is_a_sha256_hex_that_ignores_schema_layout_operation_and_mode() {
        String compact = key(ModelRequest.structured("a", CHAIN, "Describe", "{\"type\":\"object\",\"required\":[\"x\"]}").build());
        String spaced = key(ModelRequest.structured("b", CHAIN, "Describe", "{ \"required\" : [ \"x\" ],\n \"type\" : \"object\" }")
                .mode(GenerationMode.STRICT).build());

        assertThat(compact).matches("[0-9a-f]{64}").isEqualTo(spaced);
    }

    @Test
    void the_key_changes_with_the_primary_model_the_prompt_the_system_and_the_parameters() {
        ModelRequest base = ModelRequest.text("a", CHAIN, "Hello").build();

        assertThat(List.of(
                key(base),
                key(ModelRequest.text("a", List.of(new ModelRef("gemini", "pro")), "Hello").build()),
                key(ModelRequest.text("a", CHAIN, "Hello!").build()),
                key(base.toBuilder().system("Be brief").build()),
                key(base.toBuilder().temperature(0.2).build()),
                key(base.toBuilder().maxOutputTokens(100).build()),
                key(ModelRequest.chat("a", CHAIN, base.messages()).build())))
                .doesNotHaveDuplicates();
    }

    @Test
    void image_requests_and_bypassing_requests_have_no_key() {
        ImageData png = new ImageData("image/png", new byte[] {1});
        assertThat(CacheKeys.of(ModelRequest.image("a", CHAIN, "cat", List.of(png), 1).build())).isEmpty();
        assertThat(CacheKeys.of(ModelRequest.text("a", CHAIN, "Hello").cache(CachePolicy.bypass()).build())).isEmpty();
    }

    @Test
    void canonical_json_sorts_keys_drops_whitespace_and_leaves_non_json_alone() {
        assertThat(CanonicalJson.of("{ \"b\" : [1, 2.5e3, {\"d\":null, \"c\":true}], \"a\":\"x\\\"y\\u00e9\" }"))
                .isEqualTo("{\"a\":\"x\\\"yé\",\"b\":[1,2.5e3,{\"c\":true,\"d\":null}]}");
        assertThat(CanonicalJson.of("  not json ")).isEqualTo("not json");
        assertThat(CanonicalJson.of("{\"a\":1} trailing")).isEqualTo("{\"a\":1} trailing");
    }
}
