package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.User;
import java.util.List;
import java.util.UUID;

/** The signed-in user's own account: read it and change the learner profile (seed 002 /users/me). */
public interface CurrentUserUseCase {
    /** Absent fields stay as they are. */
    record UpdateProfileCommand(UUID userId, String username, String email, List<String> interests,
                                String nativeLanguage, String targetLanguage) {
    }

    User get(UUID userId);

    User update(UpdateProfileCommand command);

    User changeLanguages(UUID userId, String nativeLanguage, String targetLanguage);
}
