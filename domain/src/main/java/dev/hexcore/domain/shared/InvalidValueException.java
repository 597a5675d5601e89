package dev.hexcore.domain.shared;

import java.util.List;

/** One or more fields break a domain invariant. Mapped to 422 with the field list. */
public class InvalidValueException extends DomainException {
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidValueException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidValueException(List<FieldError> errors) {
        super("VALIDATION_FAILED", errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
