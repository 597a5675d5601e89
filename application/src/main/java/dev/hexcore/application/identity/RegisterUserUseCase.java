package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.User;

/** Creates a learner account (role user). Duplicate username or e-mail is a conflict. */
public interface RegisterUserUseCase {
    record RegisterUserCommand(String username, String email, String password, String nativeLanguage,
                               String targetLanguage) {
    }

    User register(RegisterUserCommand command);
}
