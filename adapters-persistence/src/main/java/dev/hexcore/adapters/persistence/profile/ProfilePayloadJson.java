package dev.hexcore.adapters.persistence.profile;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hexcore.domain.profile.PersonProfile;
import java.math.BigDecimal;

/**
 * The {@code profiles.payload} column's JSON: the API's shape, so what is stored reads like what is served
 * ({@code {"full_name":...,"passport":{"issue_date":"2010-05-01"},"finance":{"monthly_income":{"value":"85000.00",
 * "currency":"RUB"}}}}). A mapper of its own, so neither the REST adapter's settings nor Hibernate's JSON mapper can
 * change the stored form. Unknown fields are ignored on reading, so an older build reads rows a newer one wrote.
 */
final class ProfilePayloadJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withConfigOverride(BigDecimal.class,
                    override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build();

    private ProfilePayloadJson() {
    }

    static String write(PersonProfile payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a profile payload", e);
        }
    }

    static PersonProfile read(String json) {
        try {
            return MAPPER.readValue(json, PersonProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored profile payload is not a profile", e);
        }
    }
}
