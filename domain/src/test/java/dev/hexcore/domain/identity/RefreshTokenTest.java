package dev.hexcore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);

    private static RefreshToken issue() {
        return RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "hash", NOW, TTL);
    }

    @Test
    void a_new_token_expires_after_its_ttl_and_is_neither_consumed_nor_revoked() {
        RefreshToken token = issue();

        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(token.isConsumed()).isFalse();
        assertThat(token.isRevoked()).isFalse();
        assertThat(token.tokenHash()).isEqualTo("hash");
    }

    @Test
    void a_token_is_expired_from_its_expiry_instant_on() {
        RefreshToken token = issue();

        assertThat(token.isExpiredAt(NOW)).isFalse();
        assertThat(token.isExpiredAt(NOW.plus(TTL).minusNanos(1))).isFalse();
        assertThat(token.isExpiredAt(NOW.plus(TTL))).isTrue();
        assertThat(token.isExpiredAt(NOW.plus(TTL).plusSeconds(1))).isTrue();
    }

    @Test
    void used_and_revoked_times_mark_the_token_consumed_and_revoked() {
        RefreshToken token = issue();
        RefreshToken used = new RefreshToken(token.id(), token.userId(), token.familyId(), token.tokenHash(),
                token.createdAt(), token.expiresAt(), NOW.plusSeconds(1), null);
        RefreshToken revoked = new RefreshToken(token.id(), token.userId(), token.familyId(), token.tokenHash(),
                token.createdAt(), token.expiresAt(), null, NOW.plusSeconds(2));

        assertThat(used.isConsumed()).isTrue();
        assertThat(used.isRevoked()).isFalse();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.isConsumed()).isFalse();
    }
}
