package dev.hexcore.domain.identity;

/** An API key works while active; revocation is final. */
public enum ApiKeyStatus {
    ACTIVE, REVOKED
}
