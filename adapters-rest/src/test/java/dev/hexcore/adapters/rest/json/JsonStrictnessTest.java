package dev.hexcore.adapters.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonStrictnessTest {
    record Body(Integer count, Boolean persist, String label, Instant expiresAt, List<String> tags) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        // as in the app: Quarkus registers the time module, then the customizer runs last
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        new JsonStrictness().customize(mapper);
        return mapper;
    }

    @Test
    void wellFormedBodiesAreRead() throws Exception {
        Body body = MAPPER.readValue("{\"count\":5,\"persist\":true,\"label\":\"a\\tb \\ud83d\\udd11\","
                + "\"expires_at\":\"2027-01-01\",\"tags\":[\"x\"]}", Body.class);
        assertThat(body.count()).isEqualTo(5);
        assertThat(body.persist()).isTrue();
        assertThat(body.label()).isEqualTo("a\tb \uD83D\uDD11");
        assertThat(body.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"count\":1,\"count\":2}", "{\"persist\":1}", "{\"persist\":\"true\"}",
            "{\"count\":\"5\"}", "{\"count\":1.0}", "{\"label\":42}", "{\"label\":true}", "{\"expires_at\":1700000000}",
            "{\"tags\":\"x\"}"})
    void looseJsonIsAMalformedBody(String json) {
        assertThatExceptionOfType(JsonProcessingException.class).isThrownBy(() -> MAPPER.readValue(json, Body.class))
                .isNotInstanceOf(InvalidFieldException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"label\":\"a\\u0000\"}", "{\"label\":\"\\ud800\"}", "{\"label\":\"\\u0007\"}",
            "{\"tags\":[\"\\udc00\"]}", "{\"expires_at\":\"+1000000000-01-01T00:00:00Z\"}", "{\"expires_at\":\"soon\"}"})
    void wellTypedButUnacceptableValuesNameTheirField(String json) {
        assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> MAPPER.readValue(json, Body.class))
                .satisfies(e -> assertThat(e.getPath()).isNotEmpty());
    }
}
