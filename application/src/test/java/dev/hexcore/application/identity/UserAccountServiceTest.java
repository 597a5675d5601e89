package dev.hexcore.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.identity.CurrentUserUseCase.UpdateProfileCommand;
import dev.hexcore.application.identity.EnsureAdminUseCase.Outcome;
import dev.hexcore.application.identity.fakes.FakePasswordHasher;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryRefreshTokenRepository;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserStatus;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserAccountServiceTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryUserRepository users;
    private InMemoryRefreshTokenRepository refreshTokens;
    private FakePasswordHasher hasher;
    private UuidV7Generator ids;
    private UserAccountService service;

    private User admin;
    private User alice;
    private User bob;
    private Actor adminActor;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        uow = new FakeUnitOfWork();
        users = new InMemoryUserRepository(uow);
        refreshTokens = new InMemoryRefreshTokenRepository(uow);
        hasher = new FakePasswordHasher();
        ids = new UuidV7Generator(clock, new SplittableRandom(5));
        service = new UserAccountService(users, refreshTokens, hasher, uow, clock, ids);

        admin = seed("root", "root@example.com", Role.ADMIN);
        alice = seed("alice", "alice@example.com", Role.USER);
        bob = seed("bob", "bob@example.com", Role.USER);
        adminActor = Actor.user(admin.id(), Set.of(Role.ADMIN));
    }

    private User seed(String username, String email, Role... roles) {
        clock.advance(Duration.ofMinutes(1));
        User user = User.register(ids.next(), username, email, hasher.hash("password-" + username), Set.of(roles),
                null, null, clock.instant());
        uow.run(() -> users.save(user));
        return user;
    }

    private User reload(User user) {
        return users.findById(user.id()).orElseThrow();
    }

    private RefreshToken seedToken(User user, UUID family) {
        RefreshToken token = RefreshToken.issue(UUID.randomUUID(), user.id(), family, "hash-" + UUID.randomUUID(),
                clock.instant(), Duration.ofDays(30));
        uow.run(() -> refreshTokens.save(token));
        return token;
    }

    static Stream<Actor> nonAdmins() {
        return Stream.of(
                Actor.user(UUID.randomUUID(), Set.of(Role.USER)),
                Actor.user(UUID.randomUUID(), Set.of(Role.MANAGER, Role.FLORIST, Role.COURIER)),
                Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.BOT, ApiKeyScope.PROFILES_WRITE)));
    }

    @Nested
    class OwnAccount {
        @Test
        void get_returns_the_account_or_not_found() {
            assertThat(service.get(alice.id()).username()).isEqualTo("alice");
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(UUID.randomUUID()));
        }

        @Test
        void get_recent_completes_with_the_account_or_fails_with_not_found() {
            assertThat(service.getRecent(alice.id()).toCompletableFuture().join().username()).isEqualTo(alice.username());
            assertThatThrownBy(() -> service.getRecent(UUID.randomUUID()).toCompletableFuture().join())
                    .hasCauseInstanceOf(NotFoundException.class);
        }

        @Test
        void update_changes_only_the_fields_given() {
            clock.advance(Duration.ofMinutes(5));

            User updated = service.update(new UpdateProfileCommand(alice.id(), null, null, List.of("music", "chess"),
                    "English", null));

            assertThat(updated.username()).isEqualTo("alice");
            assertThat(updated.email()).isEqualTo("alice@example.com");
            assertThat(updated.interests()).containsExactly("music", "chess");
            assertThat(updated.nativeLanguage()).isEqualTo("English");
            assertThat(updated.targetLanguage()).isEqualTo("Kazakh");
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(reload(alice).interests()).containsExactly("music", "chess");
            assertThat(reload(alice).nativeLanguage()).isEqualTo("English");
        }

        @Test
        void update_renames_and_changes_the_email() {
            User updated = service.update(new UpdateProfileCommand(alice.id(), "alice2", "Alice2@Example.com", null,
                    null, null));

            assertThat(updated.username()).isEqualTo("alice2");
            assertThat(updated.email()).isEqualTo("alice2@example.com");
            assertThat(reload(alice).username()).isEqualTo("alice2");
        }

        @Test
        void a_username_taken_by_someone_else_is_a_conflict_whatever_its_case() {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> service.update(new UpdateProfileCommand(alice.id(), "BOB", null, List.of("x"),
                            null, null)))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));

            assertThat(reload(alice).username()).isEqualTo("alice");
            assertThat(reload(alice).interests()).isEmpty();
        }

        @Test
        void an_email_taken_by_someone_else_is_a_conflict() {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> service.update(new UpdateProfileCommand(alice.id(), null, "Bob@example.com",
                            null, null, null)))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("EMAIL_TAKEN"));

            assertThat(reload(alice).email()).isEqualTo("alice@example.com");
        }

        @Test
        void keeping_ones_own_username_or_email_is_not_a_conflict() {
            User updated = service.update(new UpdateProfileCommand(alice.id(), "Alice", "ALICE@example.com", null,
                    null, null));

            assertThat(updated.username()).isEqualTo("Alice");
            assertThat(updated.email()).isEqualTo("alice@example.com");
        }

        @Test
        void an_invalid_field_changes_nothing() {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> service.update(new UpdateProfileCommand(alice.id(), "alice_new", null,
                            List.of("x".repeat(51)), null, null)));

            assertThat(reload(alice).username()).isEqualTo("alice");
        }

        @Test
        void update_of_an_unknown_user_is_not_found() {
            assertThatExceptionOfType(NotFoundException.class)
                    .isThrownBy(() -> service.update(new UpdateProfileCommand(UUID.randomUUID(), "x_y_z", null, null,
                            null, null)));
        }

        @Test
        void change_languages_sets_both_languages() {
            clock.advance(Duration.ofMinutes(3));

            User changed = service.changeLanguages(alice.id(), " English ", "German");

            assertThat(changed.nativeLanguage()).isEqualTo("English");
            assertThat(changed.targetLanguage()).isEqualTo("German");
            assertThat(reload(alice).nativeLanguage()).isEqualTo("English");
            assertThat(reload(alice).targetLanguage()).isEqualTo("German");
            assertThat(reload(alice).updatedAt()).isEqualTo(clock.instant());
        }

        @Test
        void change_languages_refuses_blank_languages_and_keeps_the_old_ones() {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> service.changeLanguages(alice.id(), "English", " "))
                    .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                            .containsExactly("target_language"));

            assertThat(reload(alice).nativeLanguage()).isEqualTo("Russian");
            assertThat(reload(alice).targetLanguage()).isEqualTo("Kazakh");
        }
    }

    @Nested
    class Administration {
        @ParameterizedTest
        @MethodSource("dev.hexcore.application.identity.UserAccountServiceTest#nonAdmins")
        void only_admins_may_list_change_roles_disable_or_enable(Actor actor) {
            assertThatExceptionOfType(ForbiddenException.class)
                    .isThrownBy(() -> service.list(actor, new PageRequest(1, 20)));
            assertThatExceptionOfType(ForbiddenException.class)
                    .isThrownBy(() -> service.changeRoles(actor, alice.id(), Set.of(Role.ADMIN)));
            assertThatExceptionOfType(ForbiddenException.class)
                    .isThrownBy(() -> service.disable(actor, alice.id()));
            assertThatExceptionOfType(ForbiddenException.class)
                    .isThrownBy(() -> service.enable(actor, alice.id()));

            assertThat(reload(alice).roles()).containsExactly(Role.USER);
            assertThat(reload(alice).isActive()).isTrue();
        }

        @Test
        void a_user_may_not_promote_themselves() {
            Actor self = Actor.user(alice.id(), Set.of(Role.USER));

            assertThatExceptionOfType(ForbiddenException.class)
                    .isThrownBy(() -> service.changeRoles(self, alice.id(), Set.of(Role.ADMIN)))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
            assertThat(reload(alice).hasRole(Role.ADMIN)).isFalse();
        }

        @Test
        void an_admin_lists_everyone_newest_first() {
            Page<User> page = service.list(adminActor, new PageRequest(1, 20));

            assertThat(page.items()).extracting(User::username).containsExactly("bob", "alice", "root");
            assertThat(page.total()).isEqualTo(3);

            Page<User> second = service.list(adminActor, new PageRequest(2, 2));
            assertThat(second.items()).extracting(User::username).containsExactly("root");
            assertThat(second.total()).isEqualTo(3);
        }

        @Test
        void an_api_key_with_the_admin_scope_acts_as_an_admin() {
            Actor key = Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.ADMIN));

            assertThat(service.list(key, new PageRequest(1, 20)).total()).isEqualTo(3);
            assertThat(service.changeRoles(key, alice.id(), Set.of(Role.MANAGER)).roles())
                    .containsExactly(Role.MANAGER);
        }

        @Test
        void an_admin_changes_someone_elses_roles() {
            clock.advance(Duration.ofMinutes(2));

            User changed = service.changeRoles(adminActor, alice.id(), Set.of(Role.MANAGER, Role.FLORIST));

            assertThat(changed.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.FLORIST);
            assertThat(reload(alice).roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.FLORIST);
            assertThat(users.findAccess(alice.id()).orElseThrow().roles())
                    .containsExactlyInAnyOrder(Role.MANAGER, Role.FLORIST);
            assertThat(reload(alice).updatedAt()).isEqualTo(clock.instant());
        }

        @Test
        void roles_cannot_be_emptied() {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> service.changeRoles(adminActor, alice.id(), Set.of()));
            assertThat(reload(alice).roles()).containsExactly(Role.USER);
        }

        @Test
        void an_admin_cannot_demote_themselves() {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> service.changeRoles(adminActor, admin.id(), Set.of(Role.MANAGER)))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("CANNOT_DEMOTE_SELF"));

            assertThat(reload(admin).roles()).containsExactly(Role.ADMIN);
        }

        @Test
        void an_admin_may_add_roles_to_themselves_while_staying_admin() {
            User changed = service.changeRoles(adminActor, admin.id(), Set.of(Role.ADMIN, Role.MANAGER));

            assertThat(changed.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
        }

        @Test
        void changing_the_roles_of_an_unknown_user_is_not_found() {
            assertThatExceptionOfType(NotFoundException.class)
                    .isThrownBy(() -> service.changeRoles(adminActor, UUID.randomUUID(), Set.of(Role.USER)));
        }

        @Test
        void an_admin_cannot_disable_themselves() {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> service.disable(adminActor, admin.id()))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("CANNOT_DISABLE_SELF"));

            assertThat(reload(admin).isActive()).isTrue();
        }

        @Test
        void disabling_an_account_revokes_all_its_refresh_tokens_and_nobody_elses() {
            RefreshToken a1 = seedToken(alice, UUID.randomUUID());
            RefreshToken a2 = seedToken(alice, UUID.randomUUID());
            RefreshToken b1 = seedToken(bob, UUID.randomUUID());
            clock.advance(Duration.ofMinutes(1));

            User disabled = service.disable(adminActor, alice.id());

            assertThat(disabled.status()).isEqualTo(UserStatus.DISABLED);
            assertThat(reload(alice).isActive()).isFalse();
            assertThat(users.findAccess(alice.id()).orElseThrow().isActive()).isFalse();
            assertThat(refreshTokens.ofUser(alice.id())).extracting(RefreshToken::id)
                    .containsExactlyInAnyOrder(a1.id(), a2.id());
            assertThat(refreshTokens.ofUser(alice.id()))
                    .allSatisfy(t -> assertThat(t.revokedAt()).isEqualTo(clock.instant()));
            assertThat(refreshTokens.findByHash(b1.tokenHash()).orElseThrow().isRevoked()).isFalse();
        }

        @Test
        void disabling_an_unknown_user_is_not_found() {
            assertThatExceptionOfType(NotFoundException.class)
                    .isThrownBy(() -> service.disable(adminActor, UUID.randomUUID()));
        }

        @Test
        void enable_restores_a_disabled_account() {
            service.disable(adminActor, alice.id());

            User enabled = service.enable(adminActor, alice.id());

            assertThat(enabled.isActive()).isTrue();
            assertThat(reload(alice).status()).isEqualTo(UserStatus.ACTIVE);
        }
    }

    @Nested
    class EnsureAdmin {
        private UserAccountService fresh;
        private InMemoryUserRepository emptyUsers;

        @BeforeEach
        void emptyStore() {
            emptyUsers = new InMemoryUserRepository(uow);
            fresh = new UserAccountService(emptyUsers, refreshTokens, hasher, uow, clock, ids);
        }

        @Test
        void no_admin_exists_in_an_empty_store() {
            assertThat(fresh.anyAdminExists()).isFalse();
            assertThat(service.anyAdminExists()).isTrue();
        }

        @Test
        void creates_the_admin_when_the_username_is_free() {
            EnsureAdminUseCase.Result result = fresh.ensureAdmin("boss", "Boss@Example.com", "admin-password-1");

            assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
            User created = result.user();
            assertThat(created.roles()).containsExactly(Role.ADMIN);
            assertThat(created.email()).isEqualTo("boss@example.com");
            assertThat(created.passwordHash()).isEqualTo(hasher.hash("admin-password-1"));
            assertThat(created.isActive()).isTrue();
            assertThat(emptyUsers.findByUsername("boss")).isPresent();
            assertThat(fresh.anyAdminExists()).isTrue();
        }

        @Test
        void is_idempotent_and_leaves_the_password_alone() {
            User created = fresh.ensureAdmin("boss", "boss@example.com", "admin-password-1").user();
            clock.advance(Duration.ofHours(1));

            EnsureAdminUseCase.Result again = fresh.ensureAdmin("boss", "boss@example.com", "another-password");

            assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_ADMIN);
            assertThat(again.user().id()).isEqualTo(created.id());
            assertThat(emptyUsers.count()).isEqualTo(1);
            User stored = emptyUsers.findById(created.id()).orElseThrow();
            assertThat(stored.passwordHash()).isEqualTo(hasher.hash("admin-password-1"));
            assertThat(stored.updatedAt()).isEqualTo(created.updatedAt());
        }

        @Test
        void promotes_an_existing_user_keeping_their_roles_and_password() {
            EnsureAdminUseCase.Result result = service.ensureAdmin("ALICE", "ignored@example.com", "new-password-1");

            assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
            assertThat(result.user().id()).isEqualTo(alice.id());
            User stored = reload(alice);
            assertThat(stored.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
            assertThat(stored.passwordHash()).isEqualTo(alice.passwordHash());
            assertThat(stored.email()).isEqualTo("alice@example.com");
            assertThat(users.count()).isEqualTo(3);

            assertThat(service.ensureAdmin("alice", "ignored@example.com", "new-password-1").outcome())
                    .isEqualTo(Outcome.ALREADY_ADMIN);
        }

        @Test
        void refuses_an_email_that_belongs_to_another_account() {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> service.ensureAdmin("boss", "BOB@example.com", "admin-password-1"))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("EMAIL_TAKEN"));
            assertThat(users.count()).isEqualTo(3);
        }

        @Test
        void validates_the_settings() {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> fresh.ensureAdmin("boss", "boss@example.com", "short"));
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> fresh.ensureAdmin("b", "boss@example.com", "admin-password-1"));
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> fresh.ensureAdmin("boss", "boss", "admin-password-1"));
            assertThat(fresh.anyAdminExists()).isFalse();
            assertThat(emptyUsers.count()).isZero();
        }
    }
}
