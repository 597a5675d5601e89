package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts and quantities in CRM requests: a JSON number (read exactly, never through a double) or a decimal string,
 * the form answers use ({@code "2500.00"}), so a client can send back what it read. Anything else is a 400 naming the
 * field, as for any value of the wrong type.
 */
public final class DecimalInput extends StdDeserializer<BigDecimal> {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    public DecimalInput() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) return parser.getDecimalValue();
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            if (DECIMAL.matcher(text).matches()) return new BigDecimal(text);
            return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "expected a decimal number such as 2500.00");
        }
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }
}
