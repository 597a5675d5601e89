package dev.hexcore.adapters.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.adapters.ai.schema.NetworkntJsonSchemaValidator;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.KeylessModelProvider;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderReply;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineModelProviderTest {
    private final OfflineModelProvider provider = new OfflineModelProvider();
    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    private static ProviderCall call(String prompt, String schema, List<ImageData> images, int outputs) {
        return new ProviderCall("offline", KeylessModelProvider.NO_KEY, null, List.of(ChatMessage.user(prompt)), schema,
                images, outputs, null, null, Duration.ofSeconds(5));
    }

    private static ProviderCall text(String prompt) {
        return call(prompt, null, List.of(), 0);
    }

    @Test
    void a_schema_with_examples_is_answered_with_one_of_them_deterministically() {
        String schema = """
                {"type":"object","required":["text"],"properties":{"text":{"type":"string"}},
                 "examples":[{"text":"Сәлем! Менің атым Айгүл."},{"text":"Привет! Меня зовут Анна."}]}""";
        ProviderReply first = provider.call(call("A lesson about travel", schema, List.of(), 0));

        assertThat(first.text()).isIn("{\"text\":\"Сәлем! Менің атым Айгүл.\"}", "{\"text\":\"Привет! Меня зовут Анна.\"}");
        assertThat(provider.call(call("A lesson about travel", schema, List.of(), 0))).isEqualTo(first);
    }

    @Test
    void it_is_named_offline_and_needs_no_key() {
        assertThat(provider.name()).isEqualTo("offline");
        assertThat(provider).isInstanceOf(KeylessModelProvider.class);
    }

    @Test
    void text_says_it_is_offline_echoes_key_words_and_is_deterministic() {
        ProviderReply first = provider.call(text("Write a short biography of a Siberian beekeeper"));
        ProviderReply again = provider.call(text("Write a short biography of a Siberian beekeeper"));
        ProviderReply other = provider.call(text("Explain photosynthesis to a child"));

        assertThat(first.text()).startsWith("[offline]").contains("offline answer", "write", "short", "biography", "siberian", "beekeeper");
        assertThat(again).isEqualTo(first);
        assertThat(other.text()).isNotEqualTo(first.text()).contains("photosynthesis");
        assertThat(first.usage().totalTokens()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"type":"object","required":["name","age","email","born","tags","active","score","level"],
             "additionalProperties":false,
             "properties":{"name":{"type":"string","minLength":12,"maxLength":20},
                           "age":{"type":"integer","minimum":18,"maximum":21},
                           "email":{"type":"string","format":"email"},
                           "born":{"type":"string","format":"date"},
                           "tags":{"type":"array","items":{"type":"string"},"minItems":4,"maxItems":5,"uniqueItems":true},
                           "active":{"type":"boolean"},
                           "score":{"type":"number","exclusiveMinimum":0,"maximum":1},
                           "level":{"enum":["A1","A2","B1"]},
                           "note":{"type":["string","null"]}}}""",
            """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"array","minItems":2,"maxItems":2,
             "items":{"$ref":"#/definitions/lesson"},
             "definitions":{"lesson":{"type":"object","required":["title","words"],
               "properties":{"title":{"type":"string"},"words":{"type":"array","minItems":1,
                 "items":{"type":"object","required":["word","translation"],
                   "properties":{"word":{"type":"string"},"translation":{"type":"string"},
                                 "at":{"type":"string","format":"date-time"}}}}}}}}""",
            """
            {"$defs":{"money":{"type":"object","required":["amount","currency"],
               "properties":{"amount":{"type":"integer","minimum":1,"multipleOf":5},"currency":{"const":"RUB"}}}},
             "allOf":[{"type":"object","required":["id"],"properties":{"id":{"type":"string","format":"uuid"}}},
                      {"required":["price"],"properties":{"price":{"$ref":"#/$defs/money"}}}],
             "unevaluatedProperties":false}""",
            """
            {"type":"object","properties":{"choice":{"oneOf":[{"type":"integer","maximum":-5},{"type":"string"}]},
              "site":{"type":"string","format":"uri"}},"required":["choice","site"],"minProperties":2}"""
    })
    void structured_answers_are_valid_against_their_schema_and_deterministic(String schema) {
        ProviderReply reply = provider.call(call("Create a Russian course for beginners", schema, List.of(), 0));
        ProviderReply again = provider.call(call("Create a Russian course for beginners", schema, List.of(), 0));

        assertThat(validator.validate(schema, reply.text())).as(reply.text()).isEmpty();
        assertThat(again.text()).isEqualTo(reply.text());
    }

    @Test
    void different_prompts_give_different_structured_answers() {
        String schema = "{\"type\":\"object\",\"required\":[\"summary\"],\"properties\":{\"summary\":{\"type\":\"string\"}}}";

        String first = provider.call(call("Tell me about mountains and rivers", schema, List.of(), 0)).text();
        String second = provider.call(call("Tell me about databases and caches", schema, List.of(), 0)).text();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void an_unreadable_schema_is_an_invalid_request() {
        assertThatExceptionOfType(ProviderFailure.class)
                .isThrownBy(() -> provider.call(call("hi", "{not json", List.of(), 0)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST));
    }

    @Test
    void images_are_deterministic_decodable_transforms_that_differ_per_output() throws IOException {
        ImageData drawing = png(16, 12);

        ProviderReply reply = provider.call(call("Make it look like a watercolour", null, List.of(drawing), 3));
        ProviderReply again = provider.call(call("Make it look like a watercolour", null, List.of(drawing), 3));

        assertThat(reply.images()).hasSize(3).doesNotHaveDuplicates().doesNotContain(drawing);
        assertThat(again.images()).isEqualTo(reply.images());
        assertThat(reply.text()).startsWith("[offline]");
        for (ImageData image : reply.images()) {
            assertThat(image.mimeType()).isEqualTo("image/png");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            assertThat(decoded).isNotNull();
            assertThat(decoded.getWidth()).isEqualTo(16);
            assertThat(decoded.getHeight()).isEqualTo(12);
        }
    }

    @Test
    void an_input_that_is_not_an_image_is_an_invalid_request() {
        ImageData garbage = new ImageData("image/png", new byte[] {1, 2, 3, 4});

        assertThatExceptionOfType(ProviderFailure.class)
                .isThrownBy(() -> provider.call(call("Make it a cat", null, List.of(garbage), 2)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST));
    }

    private static ImageData png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, new Color(x * 15, y * 20, (x + y) * 8).getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ImageData("image/png", out.toByteArray());
    }
}
