package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.User;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The signed-in user's own account: read it and change the learner profile (seed 002 /users/me). */
public interface CurrentUserUseCase {
    /**
     * Absent ({@code null}) fields stay as they are. {@code telegramId} links the account to a Telegram user;
     * {@code timeZone} is an IANA zone id.
     */
    record UpdateProfileCommand(UUID userId, String username, String email, List<String> interests,
                                String nativeLanguage, String targetLanguage, Long telegramId, String timeZone) {
        public UpdateProfileCommand(UUID userId, String username, String email, List<String> interests,
                                    String nativeLanguage, String targetLanguage) {
            this(userId, username, email, interests, nativeLanguage, targetLanguage, null, null);
        }
    }

    User get(UUID userId);

    /**
     * The user as read at most about a second ago on this replica (a replica's own writes show at once), without
     * blocking when that copy is at hand: for the hot read-only view GET /auth/me. Fails with NotFoundException.
     */
    CompletionStage<User> getRecent(UUID userId);

    User update(UpdateProfileCommand command);

    User changeLanguages(UUID userId, String nativeLanguage, String targetLanguage);
}
