package dev.hexcore.domain.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What authentication needs to know about a user on every request: whether the account works, its roles, and from
 * when its tokens count.
 *
 * @param tokensValidAfter when the account was last disabled ({@code null} if never): tokens issued up to then stay
 *                         dead even after the account is enabled again
 * @param telegramId       the linked Telegram user id, {@code null} when none (see {@link #telegram()})
 */
public record UserAccess(UUID userId, UserStatus status, Set<Role> roles, Instant tokensValidAfter, Long telegramId) {
    public UserAccess {
        roles = Set.copyOf(roles);
    }

    /** An account without a linked Telegram id. */
    public UserAccess(UUID userId, UserStatus status, Set<Role> roles, Instant tokensValidAfter) {
        this(userId, status, roles, tokensValidAfter, null);
    }

    public Optional<Long> telegram() {
        return Optional.ofNullable(telegramId);
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /**
     * Whether a token (access or refresh) issued at {@code issuedAt} still speaks for this account: the account is
     * active and the token was issued after its last disable. Compared in whole seconds, because a JWT's {@code iat}
     * has no finer resolution: a token issued in the same second as the disable counts as issued before it (so a
     * token issued after an enable within that second is refused too, and its holder simply logs in again).
     */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        return isActive() && (tokensValidAfter == null || issuedAt.getEpochSecond() > tokensValidAfter.getEpochSecond());
    }
}
