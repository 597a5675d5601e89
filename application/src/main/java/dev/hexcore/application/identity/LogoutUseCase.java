package dev.hexcore.application.identity;

/** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored. */
public interface LogoutUseCase {
    void logout(String refreshToken);
}
