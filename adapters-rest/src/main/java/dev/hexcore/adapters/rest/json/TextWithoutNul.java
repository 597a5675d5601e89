package dev.hexcore.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Strings from request bodies may not contain U+0000: PostgreSQL cannot store it in text or jsonb, so it would
 * otherwise surface as a database error. Refused here with the field's path, as a validation problem.
 */
public final class TextWithoutNul extends StringDeserializer {
    /** Carries the field path; the problem mapper turns it into a 422. */
    public static final class NulInTextException extends JsonMappingException {
        NulInTextException(JsonParser parser) {
            super(parser, "must not contain the NUL character (\\u0000)");
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\u0000') >= 0) throw new NulInTextException(parser);
        return value;
    }
}
