package dev.hexcore.domain.shared;

/** The resource does not exist, or the caller may not know that it exists. */
public class NotFoundException extends DomainException {
    public NotFoundException(String what) {
        super("NOT_FOUND", what + " not found");
    }
}
