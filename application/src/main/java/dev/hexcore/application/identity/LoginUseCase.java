package dev.hexcore.application.identity;

/**
 * Exchanges a username (or e-mail) and password for tokens. Repeated failures for one account or one client address
 * are throttled.
 */
public interface LoginUseCase {
    record LoginCommand(String username, String password, String clientAddress) {
    }

    TokenPair login(LoginCommand command);
}
