package dev.hexcore.application.identity;

/**
 * Rotates a refresh token: the presented one is consumed and a new pair issued. Presenting a consumed token again
 * revokes its whole family (every token descended from the same login).
 */
public interface RefreshTokensUseCase {
    TokenPair refresh(String refreshToken);
}
