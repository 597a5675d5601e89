package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Sha256;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RefreshTokenRepository} on the suite's PostgreSQL: consumption is one-shot, revocation is per family. */
@QuarkusTest
class RefreshTokenRepositoryContractTest {
    @Inject
    RefreshTokenRepository tokens;

    @Inject
    UserRepository users;

    @Inject
    UnitOfWork uow;

    private User owner;

    @BeforeEach
    void anOwner() {
        String username = unique("owner");
        owner = User.register(UUID.randomUUID(), username, username + "@example.test", "hash", Set.of(Role.USER), null,
                null, now());
        uow.run(() -> users.save(owner));
    }

    @Test
    void aSavedTokenIsFoundByItsHash() {
        UUID family = UUID.randomUUID();
        RefreshToken token = token(family);
        uow.run(() -> tokens.save(token));

        RefreshToken read = tokens.findByHash(token.tokenHash()).orElseThrow();
        assertThat(read).isEqualTo(token);
        assertThat(read.isConsumed()).isFalse();
        assertThat(read.isRevoked()).isFalse();
        assertThat(tokens.findByHash(Sha256.hex(unique("unknown")))).isEmpty();
    }

    @Test
    void aDuplicateHashIsAConflict() {
        RefreshToken token = token(UUID.randomUUID());
        uow.run(() -> tokens.save(token));
        RefreshToken twin = RefreshToken.issue(UUID.randomUUID(), owner.id(), UUID.randomUUID(), token.tokenHash(), now(),
                Duration.ofDays(1));
        assertThatThrownBy(() -> uow.run(() -> tokens.save(twin))).isInstanceOf(ConflictException.class);
    }

    @Test
    void consumingIsOneShot() {
        RefreshToken token = token(UUID.randomUUID());
        uow.run(() -> tokens.save(token));
        Instant first = now();

        assertThat(uow.inTransaction(() -> tokens.consume(token.id(), first))).isTrue();
        assertThat(uow.inTransaction(() -> tokens.consume(token.id(), now()))).isFalse();

        RefreshToken read = tokens.findByHash(token.tokenHash()).orElseThrow();
        assertThat(read.isConsumed()).isTrue();
        assertThat(read.usedAt()).isEqualTo(first);
        assertThat(uow.inTransaction(() -> tokens.consume(UUID.randomUUID(), now()))).isFalse();
    }

    @Test
    void concurrentConsumersCannotBothWin() throws Exception {
        RefreshToken token = token(UUID.randomUUID());
        uow.run(() -> tokens.save(token));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return uow.inTransaction(() -> tokens.consume(token.id(), now()));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                if (attempt.get(10, TimeUnit.SECONDS)) winners++;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokingAFamilyRevokesEveryTokenInItOnce() {
        UUID family = UUID.randomUUID();
        RefreshToken first = token(family);
        RefreshToken second = token(family);
        RefreshToken otherFamily = token(UUID.randomUUID());
        uow.run(() -> {
            tokens.save(first);
            tokens.save(second);
            tokens.save(otherFamily);
        });

        assertThat(uow.inTransaction(() -> tokens.revokeFamily(family, now()))).isEqualTo(2);
        assertThat(uow.inTransaction(() -> tokens.revokeFamily(family, now()))).as("already revoked").isZero();
        assertThat(tokens.findByHash(first.tokenHash()).orElseThrow().isRevoked()).isTrue();
        assertThat(tokens.findByHash(second.tokenHash()).orElseThrow().isRevoked()).isTrue();
        assertThat(tokens.findByHash(otherFamily.tokenHash()).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void revokingAllOfAUserSparesOtherUsers() {
        String username = unique("bystander");
        User bystander = User.register(UUID.randomUUID(), username, username + "@example.test", "hash",
                Set.of(Role.USER), null, null, now());
        uow.run(() -> users.save(bystander));
        RefreshToken mine = token(UUID.randomUUID());
        RefreshToken alsoMine = token(UUID.randomUUID());
        RefreshToken theirs = RefreshToken.issue(UUID.randomUUID(), bystander.id(), UUID.randomUUID(),
                Sha256.hex(unique("theirs")), now(), Duration.ofDays(1));
        uow.run(() -> {
            tokens.save(mine);
            tokens.save(alsoMine);
            tokens.save(theirs);
        });

        assertThat(uow.inTransaction(() -> tokens.revokeAllOfUser(owner.id(), now()))).isEqualTo(2);
        assertThat(tokens.findByHash(mine.tokenHash()).orElseThrow().isRevoked()).isTrue();
        assertThat(tokens.findByHash(alsoMine.tokenHash()).orElseThrow().isRevoked()).isTrue();
        assertThat(tokens.findByHash(theirs.tokenHash()).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void savingATokenAgainNeverClearsItsConsumptionOrRevocation() {
        RefreshToken token = token(UUID.randomUUID());
        uow.run(() -> tokens.save(token));
        uow.run(() -> tokens.consume(token.id(), now()));
        uow.run(() -> tokens.revokeFamily(token.familyId(), now()));

        uow.run(() -> tokens.save(token));   // the stale, unconsumed, unrevoked copy

        RefreshToken read = tokens.findByHash(token.tokenHash()).orElseThrow();
        assertThat(read.isConsumed()).isTrue();
        assertThat(read.isRevoked()).isTrue();
    }

    private RefreshToken token(UUID family) {
        return RefreshToken.issue(UUID.randomUUID(), owner.id(), family, Sha256.hex(unique("refresh")), now(),
                Duration.ofDays(30));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
