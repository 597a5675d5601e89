package dev.hexcore.domain.shared;

/** A business rule was broken. {@link #code()} is stable and documented; REST maps it to a problem response. */
public class DomainException extends RuntimeException {
    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
