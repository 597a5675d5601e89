package dev.hexcore.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import dev.hexcore.adapters.rest.shared.InputText;
import java.io.IOException;

/** Every string in a request body meets {@link InputText}'s rule, or the request is a 422 naming the field. */
public final class StrictText extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        String problem = value == null ? null : InputText.problem(value);
        if (problem != null) throw new InvalidFieldException(parser, problem);
        return value;
    }
}
