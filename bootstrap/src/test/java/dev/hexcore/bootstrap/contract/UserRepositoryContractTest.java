package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.identity.UserStatus;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link UserRepository} on the suite's PostgreSQL, through the domain port as the use cases see it. Every test
 * makes its own users (random names), so leftovers and test order do not matter.
 */
@QuarkusTest
class UserRepositoryContractTest {
    @Inject
    UserRepository users;

    @Inject
    UnitOfWork uow;

    @Inject
    DataSource dataSource;

    @Test
    void aSavedUserReadsBackAsItWasWritten() {
        Instant created = now();
        User user = User.restore(UUID.randomUUID(), unique("Round"), unique("round") + "@example.test", "$2a$10$hash",
                Set.of(Role.MANAGER, Role.USER), UserStatus.ACTIVE, "Russian", "Kazakh", 120,
                Map.of("Kazakh", "A2", "English", "B1"), List.of("Travel", "Music"), created, created.plusMillis(5),
                created.plusMillis(3), randomTelegramId(), java.time.ZoneId.of("Asia/Almaty"));
        uow.run(() -> users.save(user));

        User read = users.findById(user.id()).orElseThrow();
        assertThat(read.username()).isEqualTo(user.username());
        assertThat(read.email()).isEqualTo(user.email());
        assertThat(read.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(read.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.USER);
        assertThat(read.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(read.nativeLanguage()).isEqualTo("Russian");
        assertThat(read.targetLanguage()).isEqualTo("Kazakh");
        assertThat(read.xp()).isEqualTo(120);
        assertThat(read.languageLevels()).isEqualTo(Map.of("Kazakh", "A2", "English", "B1"));
        assertThat(read.interests()).containsExactly("Travel", "Music");
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.updatedAt()).isEqualTo(created.plusMillis(5));
        assertThat(read.tokensValidAfter()).isEqualTo(created.plusMillis(3));
        assertThat(read.telegramId()).isEqualTo(user.telegramId());
        assertThat(read.timeZone()).hasToString("Asia/Almaty");
        assertThat(users.findByTelegramId(user.telegramId().orElseThrow())).map(User::id).contains(user.id());
        assertThat(users.findAccess(user.id()).orElseThrow().telegram()).isEqualTo(user.telegramId());

        assertThat(users.findByUsername(user.username())).map(User::id).contains(user.id());
        assertThat(users.findById(UUID.randomUUID())).isEmpty();
        assertThat(users.findByUsername(unique("nobody"))).isEmpty();
    }

    @Test
    void usernamesAndEmailsMatchIgnoringCase() {
        User user = newUser("MixedCase", now());
        uow.run(() -> users.save(user));

        assertThat(users.findByUsername(user.username().toUpperCase())).map(User::id).contains(user.id());
        assertThat(users.findByUsername(user.username().toLowerCase())).map(User::id).contains(user.id());
        assertThat(users.existsByUsername(user.username().toLowerCase())).isTrue();
        assertThat(users.existsByEmail(user.email().toUpperCase())).isTrue();
        assertThat(users.existsByUsername(unique("nobody"))).isFalse();
        assertThat(users.existsByEmail(unique("nobody") + "@example.test")).isFalse();
    }

    @Test
    void aDuplicateUsernameIgnoringCaseIsAConflict() {
        User first = newUser("Taken", now());
        uow.run(() -> users.save(first));
        User second = User.register(UUID.randomUUID(), first.username().toLowerCase(), unique("other") + "@example.test",
                "hash", Set.of(Role.USER), null, null, now());

        assertThatThrownBy(() -> uow.run(() -> users.save(second)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("USERNAME_TAKEN"));
        assertThat(users.findById(second.id())).as("rolled back").isEmpty();
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        User first = newUser("Mail", now());
        uow.run(() -> users.save(first));
        User second = User.register(UUID.randomUUID(), unique("Other"), first.email().toUpperCase(), "hash",
                Set.of(Role.USER), null, null, now());

        assertThatThrownBy(() -> uow.run(() -> users.save(second)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("EMAIL_TAKEN"));
        assertThat(users.findById(second.id())).isEmpty();
    }

    @Test
    void aTelegramIdLinkedToAnotherAccountIsAConflictAndUnlinkedIdsNeverClash() {
        long telegramId = randomTelegramId();
        User first = newUser("TgOne", now());
        first.linkTelegram(telegramId, now());
        User unlinkedA = newUser("TgNoneA", now());
        User unlinkedB = newUser("TgNoneB", now());
        uow.run(() -> {
            users.save(first);
            users.save(unlinkedA);
            users.save(unlinkedB);
        });
        User second = newUser("TgTwo", now());
        second.linkTelegram(telegramId, now());

        assertThatThrownBy(() -> uow.run(() -> users.save(second)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("TELEGRAM_ID_TAKEN"));
        assertThat(users.findById(second.id())).isEmpty();
        assertThat(users.findByTelegramId(telegramId)).map(User::id).contains(first.id());
        assertThat(users.findByTelegramId(randomTelegramId())).isEmpty();
    }

    @Test
    void savingAgainUpdatesTheSameRow() {
        User user = newUser("Edit", now());
        uow.run(() -> users.save(user));
        String renamed = unique("Edited");
        uow.run(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            loaded.rename(renamed, now());
            loaded.changeInterests(List.of("Chess"), now());
            loaded.changeLanguages("English", "Spanish", now());
            users.save(loaded);
        });

        User read = users.findById(user.id()).orElseThrow();
        assertThat(read.username()).isEqualTo(renamed);
        assertThat(read.interests()).containsExactly("Chess");
        assertThat(read.nativeLanguage()).isEqualTo("English");
        assertThat(read.targetLanguage()).isEqualTo("Spanish");
        assertThat(users.findByUsername(user.username())).isEmpty();
        assertThat(read.createdAt()).isEqualTo(user.createdAt());
    }

    @Test
    void writesNeedATransaction() {
        User user = newUser("NoTx", now());
        assertThatThrownBy(() -> users.save(user)).isInstanceOf(RuntimeException.class);
        assertThat(users.findById(user.id())).isEmpty();
    }

    @Test
    void theListIsNewestFirstWithTheTotal() {
        long before = users.list(new PageRequest(1, 1)).total();
        Instant t = now();
        User older = newUser("Older", t.plusMillis(1));
        User newer = newUser("Newer", t.plusMillis(2));
        uow.run(() -> users.save(older));
        uow.run(() -> users.save(newer));

        Page<User> first = users.list(new PageRequest(1, 2));
        assertThat(first.total()).isEqualTo(before + 2);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.limit()).isEqualTo(2);
        assertThat(first.items()).extracting(User::id).containsExactly(newer.id(), older.id());

        Page<User> second = users.list(new PageRequest(2, 1));
        assertThat(second.items()).extracting(User::id).containsExactly(older.id());
        assertThat(second.total()).isEqualTo(before + 2);

        Page<User> beyond = users.list(new PageRequest(1_000_000, 100));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(before + 2);
    }

    @Test
    void anyAdminExistsOnceAnAdminIsSaved() {
        User admin = User.register(UUID.randomUUID(), unique("Boss"), unique("boss") + "@example.test", "hash",
                Set.of(Role.ADMIN), null, null, now());
        uow.run(() -> users.save(admin));
        assertThat(users.anyAdminExists()).isTrue();
    }

    @Test
    void accessTellsStatusAndCurrentRoles() {
        User user = newUser("Access", now());
        uow.run(() -> users.save(user));

        UserAccess access = users.findAccess(user.id()).orElseThrow();
        assertThat(access.userId()).isEqualTo(user.id());
        assertThat(access.isActive()).isTrue();
        assertThat(access.roles()).containsExactly(Role.USER);
        assertThat(users.findAccess(UUID.randomUUID())).isEmpty();
    }

    @Test
    void accessReflectsADisableThroughTheRepositoryWithinASecond() {
        User user = newUser("Disable", now());
        uow.run(() -> users.save(user));
        assertThat(users.findAccess(user.id())).map(UserAccess::isActive).contains(true);   // now cached

        Instant disabledAt = now();
        uow.run(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            loaded.disable(disabledAt);
            loaded.assignRoles(Set.of(Role.COURIER), now());
            users.save(loaded);
        });

        eventually(Duration.ofMillis(1000), () -> {
            UserAccess access = users.findAccess(user.id()).orElseThrow();
            assertThat(access.status()).isEqualTo(UserStatus.DISABLED);
            assertThat(access.roles()).containsExactly(Role.COURIER);
            assertThat(access.tokensValidAfter()).isEqualTo(disabledAt);
        });
    }

    /** Another replica (here: plain SQL) changes the row; this replica's cached access must expire within 1 s. */
    @Test
    void accessReflectsAChangeMadeElsewhereWithinASecond() throws SQLException {
        User user = newUser("Elsewhere", now());
        uow.run(() -> users.save(user));
        assertThat(users.findAccess(user.id())).map(UserAccess::isActive).contains(true);   // now cached

        long changedAt = System.nanoTime();
        execute("update users set status = 'DISABLED', roles = '[\"manager\"]'::jsonb where id = ?", user.id());

        eventually(Duration.ofMillis(1000), () -> {
            UserAccess access = users.findAccess(user.id()).orElseThrow();
            assertThat(access.isActive()).isFalse();
            assertThat(access.roles()).containsExactly(Role.MANAGER);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofMillis(1000));
    }

    /** "Not found" is cached too, for at most a second. */
    @Test
    void anAccountCreatedElsewhereIsSeenWithinASecond() throws SQLException {
        UUID id = UUID.randomUUID();
        assertThat(users.findAccess(id)).isEmpty();   // now cached as absent
        String name = unique("Late");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into users (id, username, email, "
                     + "password_hash, roles, status, native_language, target_language, created_at, updated_at) "
                     + "values (?, ?, ?, 'hash', '[\"user\"]'::jsonb, 'ACTIVE', 'Russian', 'Kazakh', now(), now())")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.setString(3, name.toLowerCase() + "@example.test");
            insert.executeUpdate();
        }
        eventually(Duration.ofMillis(1000), () -> assertThat(users.findAccess(id)).map(UserAccess::isActive).contains(true));
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static User newUser(String prefix, Instant createdAt) {
        String username = unique(prefix);
        return User.register(UUID.randomUUID(), username, username + "@Example.test", "hash", Set.of(Role.USER), null,
                null, createdAt);
    }

    private static long randomTelegramId() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 52);
    }

    /** PostgreSQL keeps microseconds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
