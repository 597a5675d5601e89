package dev.hexcore.domain.shared;

/** The caller is known but may not do this. */
public class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super("FORBIDDEN", message);
    }

    /** With a more precise code than {@code FORBIDDEN}. */
    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
