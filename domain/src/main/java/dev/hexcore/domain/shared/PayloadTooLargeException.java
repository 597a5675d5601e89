package dev.hexcore.domain.shared;

/** An uploaded part is larger than the operation accepts. Mapped to 413. */
public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String message) {
        super("PAYLOAD_TOO_LARGE", message);
    }
}
