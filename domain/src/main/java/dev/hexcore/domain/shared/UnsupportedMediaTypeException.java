package dev.hexcore.domain.shared;

/** The content is of a type this operation does not take. Mapped to 415. */
public class UnsupportedMediaTypeException extends DomainException {
    public UnsupportedMediaTypeException(String message) {
        super("UNSUPPORTED_MEDIA_TYPE", message);
    }
}
