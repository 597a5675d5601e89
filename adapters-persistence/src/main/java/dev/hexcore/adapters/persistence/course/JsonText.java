package dev.hexcore.adapters.persistence.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Map;

/** JSON text for the {@code jsonb} columns of courses and lessons. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static String strings(Collection<String> values) {
        return write(values);
    }

    static String object(Map<String, String> values) {
        return write(values);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and maps of strings always serialise", e);
        }
    }
}
