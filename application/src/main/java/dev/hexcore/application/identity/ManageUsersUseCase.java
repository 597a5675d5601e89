package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.Set;
import java.util.UUID;

/** Administration of accounts. Every method requires an admin actor. */
public interface ManageUsersUseCase {
    Page<User> list(Actor actor, PageRequest page);

    User changeRoles(Actor actor, UUID userId, Set<Role> roles);

    /** Disables the account and revokes its refresh tokens; its access tokens stop working within a second. */
    User disable(Actor actor, UUID userId);

    User enable(Actor actor, UUID userId);

    /**
     * Links the account to a Telegram user id, or unlinks it ({@code null}). ConflictException TELEGRAM_ID_TAKEN when
     * another account has it.
     */
    User linkTelegram(Actor actor, UUID userId, Long telegramId);
}
