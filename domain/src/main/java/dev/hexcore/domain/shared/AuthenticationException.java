package dev.hexcore.domain.shared;

/** Credentials are missing, wrong, expired or revoked. Messages never say which, to avoid leaking. */
public class AuthenticationException extends DomainException {
    public AuthenticationException(String code, String message) {
        super(code, message);
    }
}
