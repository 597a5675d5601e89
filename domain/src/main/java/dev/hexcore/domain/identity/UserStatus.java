package dev.hexcore.domain.identity;

/** An account is active or disabled; disabled accounts cannot log in and their tokens stop working. */
public enum UserStatus {
    ACTIVE, DISABLED
}
