package dev.hexcore.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.hexcore.adapters.rest.shared.IsoTime;
import java.io.IOException;
import java.time.Instant;

/**
 * Times in request bodies are read by {@link IsoTime}, as in query filters: ISO-8601 text only (a number is a 400, not
 * epoch seconds), and a well-formed time outside years 0001..9999 is a 422 naming the field.
 */
public final class StrictInstant extends StdScalarDeserializer<Instant> {
    public StrictInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        String text = parser.getText();
        Instant instant = IsoTime.parseOrNull(text);
        if (instant == null) throw new InvalidFieldException(parser, IsoTime.EXPECTED);
        return instant;
    }
}
