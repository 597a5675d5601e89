package dev.hexcore.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right type whose content is refused (bad text, a time out of range). It carries the field's
 * path, which Jackson fills in on the way out; the problem mapper answers 422 with that field and this message.
 */
public final class InvalidFieldException extends JsonMappingException {
    public InvalidFieldException(JsonParser parser, String message) {
        super(parser, message);
    }
}
