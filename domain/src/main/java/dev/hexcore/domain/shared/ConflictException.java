package dev.hexcore.domain.shared;

/** The request conflicts with the current state (duplicate name, stale state). */
public class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
