package dev.hexcore.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hexcore.application.identity.LoginUseCase.LoginCommand;
import dev.hexcore.application.identity.RegisterUserUseCase.RegisterUserCommand;
import dev.hexcore.application.identity.fakes.FakeAccessTokenIssuer;
import dev.hexcore.application.identity.fakes.FakePasswordHasher;
import dev.hexcore.application.identity.fakes.FakeRateLimiter;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryRefreshTokenRepository;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Sha256;
import dev.hexcore.domain.shared.TooManyRequestsException;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final String PASSWORD = "strongpassword123";
    private static final String IP = "203.0.113.7";

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryUserRepository users;
    private InMemoryRefreshTokenRepository refreshTokens;
    private FakePasswordHasher hasher;
    private FakeAccessTokenIssuer accessTokens;
    private AuthService auth;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        uow = new FakeUnitOfWork();
        users = new InMemoryUserRepository(uow);
        refreshTokens = new InMemoryRefreshTokenRepository(uow);
        hasher = new FakePasswordHasher();
        accessTokens = new FakeAccessTokenIssuer();
        auth = new AuthService(users, refreshTokens, hasher, accessTokens, new FakeRateLimiter(clock), uow, clock,
                new UuidV7Generator(clock, new SplittableRandom(1)), new SplittableRandom(2), AuthSettings.defaults());
    }

    private User register(String username, String email) {
        return auth.register(new RegisterUserCommand(username, email, PASSWORD, null, null));
    }

    private TokenPair login(String username, String password) {
        return auth.login(new LoginCommand(username, password, IP));
    }

    private TokenPair login(String username, String password, String address) {
        return auth.login(new LoginCommand(username, password, address));
    }

    private RefreshToken stored(String plainRefreshToken) {
        return refreshTokens.findByHash(Sha256.hex(plainRefreshToken)).orElseThrow();
    }

    private void disable(User user) {
        User loaded = users.findById(user.id()).orElseThrow();
        loaded.disable(clock.instant());
        uow.run(() -> users.save(loaded));
    }

    private void enable(User user) {
        User loaded = users.findById(user.id()).orElseThrow();
        loaded.enable(clock.instant());
        uow.run(() -> users.save(loaded));
    }

    private static void assertAuthFails(Runnable call, String code) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(call::run)
                .satisfies(e -> assertThat(e.code()).isEqualTo(code));
    }

    @Nested
    class Register {
        @Test
        void creates_a_learner_with_a_hashed_password_and_default_languages() {
            User user = auth.register(new RegisterUserCommand("demo", "Demo@Example.com", PASSWORD, null, null));

            assertThat(user.username()).isEqualTo("demo");
            assertThat(user.email()).isEqualTo("demo@example.com");
            assertThat(user.roles()).containsExactly(Role.USER);
            assertThat(user.isActive()).isTrue();
            assertThat(user.nativeLanguage()).isEqualTo("Russian");
            assertThat(user.targetLanguage()).isEqualTo("Kazakh");
            assertThat(user.createdAt()).isEqualTo(START);
            assertThat(user.passwordHash()).isEqualTo(hasher.hash(PASSWORD)).isNotEqualTo(PASSWORD);
            assertThat(users.findByUsername("demo")).get().extracting(User::id).isEqualTo(user.id());
            assertThat(user.id().version()).isEqualTo(7);
        }

        @Test
        void keeps_the_languages_given() {
            User user = auth.register(new RegisterUserCommand("demo", "d@example.com", PASSWORD, "English", "Kazakh"));

            assertThat(user.nativeLanguage()).isEqualTo("English");
        }

        @Test
        void a_taken_username_is_a_conflict_whatever_its_case() {
            register("demo", "demo@example.com");

            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> register("demo", "other@example.com"))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> register("DeMo", "other@example.com"))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));
            assertThat(users.count()).isEqualTo(1);
        }

        @Test
        void a_taken_email_is_a_conflict_whatever_its_case() {
            register("demo", "demo@example.com");

            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> register("other", "DEMO@example.com"))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("EMAIL_TAKEN"));
            assertThat(users.count()).isEqualTo(1);
        }

        @Test
        void invalid_fields_are_refused_before_anything_is_stored() {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> auth.register(new RegisterUserCommand("demo", "d@example.com", "short", null, null)))
                    .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                            .containsExactly("password"));
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> auth.register(new RegisterUserCommand("demo", "d@example.com", "ж".repeat(37),
                            null, null)));
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> auth.register(new RegisterUserCommand("d", "d@example.com", PASSWORD, null, null)));
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> auth.register(new RegisterUserCommand("demo", "nope", PASSWORD, null, null)));
            assertThat(users.count()).isZero();
        }
    }

    @Nested
    class Login {
        private User demo;

        @BeforeEach
        void registerDemo() {
            demo = register("demo", "demo@example.com");
        }

        @Test
        void the_right_password_returns_an_access_token_and_a_refresh_token_stored_only_as_a_hash() {
            TokenPair tokens = login("demo", PASSWORD);

            assertThat(tokens.accessToken()).isEqualTo("access-" + demo.id() + "-1");
            assertThat(tokens.expiresIn()).isEqualTo(FakeAccessTokenIssuer.LIFETIME);
            assertThat(tokens.refreshToken()).isNotBlank().doesNotContain(demo.id().toString());
            assertThat(refreshTokens.all()).singleElement().satisfies(t -> {
                assertThat(t.tokenHash()).isEqualTo(Sha256.hex(tokens.refreshToken()))
                        .isNotEqualTo(tokens.refreshToken());
                assertThat(t.userId()).isEqualTo(demo.id());
                assertThat(t.createdAt()).isEqualTo(START);
                assertThat(t.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
                assertThat(t.isConsumed()).isFalse();
                assertThat(t.isRevoked()).isFalse();
            });
        }

        @Test
        void each_login_starts_its_own_session_family() {
            TokenPair first = login("demo", PASSWORD);
            TokenPair second = login("demo", PASSWORD);

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(stored(second.refreshToken()).familyId()).isNotEqualTo(stored(first.refreshToken()).familyId());
        }

        @Test
        void the_username_is_trimmed_and_matched_without_regard_to_case() {
            assertThat(login("  demo ", PASSWORD).accessToken()).startsWith("access-" + demo.id());
            assertThat(login("DEMO", PASSWORD).accessToken()).startsWith("access-" + demo.id());
        }

        @Test
        void a_wrong_password_is_invalid_credentials_and_issues_nothing() {
            assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");
            assertAuthFails(() -> login("demo", null), "INVALID_CREDENTIALS");
            assertAuthFails(() -> login("demo", ""), "INVALID_CREDENTIALS");

            assertThat(refreshTokens.all()).isEmpty();
            assertThat(accessTokens.issued()).isZero();
        }

        @Test
        void an_unknown_user_gets_the_same_answer_and_still_pays_for_a_password_check() {
            int checksBefore = hasher.matchesCalls();

            AuthenticationException unknown = assertThrows(
                    AuthenticationException.class, () -> login("nobody", PASSWORD));
            AuthenticationException wrong = assertThrows(
                    AuthenticationException.class, () -> login("demo", "wrong-password"));

            assertThat(unknown.code()).isEqualTo("INVALID_CREDENTIALS").isEqualTo(wrong.code());
            assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
            assertThat(hasher.matchesCalls() - checksBefore).isEqualTo(2);
            assertAuthFails(() -> login(null, PASSWORD), "INVALID_CREDENTIALS");
        }

        @Test
        void four_failures_do_not_throttle_the_account() {
            for (int i = 0; i < 4; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");

            assertThat(login("demo", PASSWORD).accessToken()).isNotBlank();
        }

        @Test
        void after_five_failures_the_account_is_throttled_even_with_the_right_password() {
            for (int i = 0; i < 5; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");

            assertThatExceptionOfType(TooManyRequestsException.class)
                    .isThrownBy(() -> login("demo", PASSWORD))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo("LOGIN_THROTTLED");
                        assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
                    });
            assertThat(refreshTokens.all()).isEmpty();
        }

        @Test
        void the_throttle_holds_for_that_account_from_that_address_whatever_the_username_case() {
            String[] spellings = {"demo", "DEMO", "Demo", "dEmO", "demo"};
            for (String name : spellings) assertAuthFails(() -> login(name, "wrong-password"), "INVALID_CREDENTIALS");

            assertThatExceptionOfType(TooManyRequestsException.class)
                    .isThrownBy(() -> login("Demo", PASSWORD))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("LOGIN_THROTTLED"));
        }

        @Test
        void failures_from_one_address_do_not_lock_the_account_out_from_another() {
            String attacker = "198.51.100.66";
            for (int i = 0; i < 5; i++) assertAuthFails(() -> login("demo", "wrong-password", attacker), "INVALID_CREDENTIALS");
            assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> login("demo", PASSWORD, attacker));

            assertThat(login("demo", PASSWORD, "192.0.2.99").accessToken()).isNotBlank();
            // the owner's own failures are counted on their own address, apart from the attacker's
            for (int i = 0; i < 4; i++) assertAuthFails(() -> login("demo", "wrong-password", IP), "INVALID_CREDENTIALS");
            assertThat(login("demo", PASSWORD, IP).accessToken()).isNotBlank();
        }

        @Test
        void failures_spread_over_many_addresses_never_throttle_the_account() {
            for (int i = 0; i < 50; i++) {
                String address = "198.51.100." + i;
                assertAuthFails(() -> login("demo", "wrong-password", address), "INVALID_CREDENTIALS");
            }

            assertThat(login("demo", PASSWORD, "192.0.2.99").accessToken()).isNotBlank();
        }

        @Test
        void the_throttle_lifts_once_its_retry_after_has_passed() {
            for (int i = 0; i < 5; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");
            Duration retryAfter = assertThrows(TooManyRequestsException.class,
                    () -> login("demo", PASSWORD)).retryAfter();

            clock.advance(retryAfter.minusSeconds(1));
            assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> login("demo", PASSWORD));

            clock.advance(Duration.ofSeconds(1));
            assertThat(login("demo", PASSWORD).accessToken()).isNotBlank();
        }

        @Test
        void after_the_whole_window_all_five_attempts_are_available_again() {
            for (int i = 0; i < 5; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");

            clock.advance(Duration.ofMinutes(15));

            for (int i = 0; i < 4; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");
            assertThat(login("demo", PASSWORD).accessToken()).isNotBlank();
        }

        @Test
        void a_throttled_attempt_does_not_extend_the_throttle() {
            for (int i = 0; i < 5; i++) assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");
            Duration first = assertThrows(TooManyRequestsException.class,
                    () -> login("demo", "wrong-password")).retryAfter();

            for (int i = 0; i < 10; i++) {
                assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> login("demo", "wrong-password"));
            }
            clock.advance(first);

            assertThat(login("demo", PASSWORD).accessToken()).isNotBlank();
        }

        @Test
        void twenty_failures_from_one_address_throttle_that_address_for_every_account() {
            for (int i = 0; i < 20; i++) {
                String name = "nobody" + i;
                assertAuthFails(() -> login(name, "wrong-password", IP), "INVALID_CREDENTIALS");
            }

            assertThatExceptionOfType(TooManyRequestsException.class)
                    .isThrownBy(() -> login("demo", PASSWORD, IP))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("LOGIN_THROTTLED"));
            assertThat(login("demo", PASSWORD, "192.0.2.1").accessToken()).isNotBlank();
        }

        @Test
        void successful_logins_never_count_against_the_throttle() {
            for (int i = 0; i < 30; i++) assertThat(login("demo", PASSWORD).accessToken()).isNotBlank();
        }

        @Test
        void a_disabled_account_cannot_log_in() {
            disable(demo);

            assertAuthFails(() -> login("demo", PASSWORD), "ACCOUNT_DISABLED");
            assertThat(refreshTokens.all()).isEmpty();
            assertThat(accessTokens.issued()).isZero();
        }

        @Test
        void a_disabled_account_with_the_wrong_password_does_not_reveal_that_it_is_disabled() {
            disable(demo);

            assertAuthFails(() -> login("demo", "wrong-password"), "INVALID_CREDENTIALS");
        }

        @Test
        void the_email_can_be_used_instead_of_the_username() {
            TokenPair tokens = login("demo@example.com", PASSWORD);

            assertThat(tokens.accessToken()).startsWith("access-" + demo.id());
        }
    }

    @Nested
    class Refresh {
        private User demo;
        private TokenPair first;

        @BeforeEach
        void loginDemo() {
            demo = register("demo", "demo@example.com");
            first = login("demo", PASSWORD);
        }

        @Test
        void rotation_consumes_the_presented_token_and_issues_a_new_pair_in_the_same_family() {
            clock.advance(Duration.ofMinutes(20));

            TokenPair second = auth.refresh(first.refreshToken());

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken()).startsWith("access-" + demo.id());
            RefreshToken old = stored(first.refreshToken());
            RefreshToken next = stored(second.refreshToken());
            assertThat(old.usedAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
            assertThat(old.isRevoked()).isFalse();
            assertThat(next.familyId()).isEqualTo(old.familyId());
            assertThat(next.isConsumed()).isFalse();
            assertThat(next.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        }

        @Test
        void the_newest_token_can_be_rotated_again_and_again() {
            String current = first.refreshToken();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(10));
                current = auth.refresh(current).refreshToken();
            }

            assertThat(refreshTokens.all()).hasSize(6);
            assertThat(refreshTokens.all()).extracting(RefreshToken::familyId).containsOnly(stored(current).familyId());
        }

        @Test
        void reusing_a_consumed_token_is_refused_and_revokes_the_whole_family_for_good() {
            TokenPair second = auth.refresh(first.refreshToken());
            UUID family = stored(second.refreshToken()).familyId();
            clock.advance(Duration.ofMinutes(1));

            assertAuthFails(() -> auth.refresh(first.refreshToken()), "REFRESH_TOKEN_REUSED");

            // the revocation was committed although the call failed
            assertThat(refreshTokens.family(family)).hasSize(2)
                    .allSatisfy(t -> assertThat(t.revokedAt()).isEqualTo(START.plus(Duration.ofMinutes(1))));
            assertThat(uow.rollbacks()).isZero();
            // and the newest token, never used, no longer works either
            assertAuthFails(() -> auth.refresh(second.refreshToken()), "INVALID_REFRESH_TOKEN");
            assertAuthFails(() -> auth.refresh(first.refreshToken()), "INVALID_REFRESH_TOKEN");
            assertThat(refreshTokens.all()).hasSize(2);
        }

        @Test
        void a_reuse_in_one_session_leaves_the_other_sessions_alone() {
            TokenPair otherSession = login("demo", PASSWORD);
            auth.refresh(first.refreshToken());

            assertAuthFails(() -> auth.refresh(first.refreshToken()), "REFRESH_TOKEN_REUSED");

            assertThat(auth.refresh(otherSession.refreshToken()).refreshToken()).isNotBlank();
        }

        @Test
        void unknown_or_missing_tokens_are_invalid() {
            assertAuthFails(() -> auth.refresh("not-a-token"), "INVALID_REFRESH_TOKEN");
            assertAuthFails(() -> auth.refresh(""), "INVALID_REFRESH_TOKEN");
            assertAuthFails(() -> auth.refresh(null), "INVALID_REFRESH_TOKEN");
            assertAuthFails(() -> auth.refresh(Sha256.hex(first.refreshToken())), "INVALID_REFRESH_TOKEN");
            assertThat(stored(first.refreshToken()).isRevoked()).isFalse();
        }

        @Test
        void a_token_works_until_just_before_its_expiry() {
            clock.advance(Duration.ofDays(30).minusSeconds(1));

            assertThat(auth.refresh(first.refreshToken()).refreshToken()).isNotBlank();
        }

        @Test
        void an_expired_token_is_invalid() {
            clock.advance(Duration.ofDays(30));

            assertAuthFails(() -> auth.refresh(first.refreshToken()), "INVALID_REFRESH_TOKEN");
            assertThat(stored(first.refreshToken()).isConsumed()).isFalse();
        }

        @Test
        void a_refresh_token_issued_before_a_disable_stays_dead_after_the_account_is_enabled_again() {
            clock.advance(Duration.ofSeconds(5));
            disable(demo);
            clock.advance(Duration.ofSeconds(5));
            enable(demo);

            assertAuthFails(() -> auth.refresh(first.refreshToken()), "INVALID_REFRESH_TOKEN");
            assertThat(stored(first.refreshToken()).isRevoked()).isTrue();

            clock.advance(Duration.ofSeconds(1));
            TokenPair afterEnable = login("demo", PASSWORD);
            assertThat(auth.refresh(afterEnable.refreshToken()).refreshToken()).isNotBlank();
        }

        @Test
        void a_disabled_account_cannot_refresh_and_loses_the_session() {
            disable(demo);

            assertAuthFails(() -> auth.refresh(first.refreshToken()), "ACCOUNT_DISABLED");
            assertThat(stored(first.refreshToken()).isRevoked()).isTrue();
        }
    }

    @Nested
    class Logout {
        private TokenPair first;

        @BeforeEach
        void loginDemo() {
            register("demo", "demo@example.com");
            first = login("demo", PASSWORD);
        }

        @Test
        void logout_revokes_every_token_of_the_session() {
            TokenPair second = auth.refresh(first.refreshToken());

            auth.logout(second.refreshToken());

            assertThat(refreshTokens.family(stored(second.refreshToken()).familyId()))
                    .hasSize(2).allSatisfy(t -> assertThat(t.isRevoked()).isTrue());
            assertAuthFails(() -> auth.refresh(second.refreshToken()), "INVALID_REFRESH_TOKEN");
        }

        @Test
        void logout_leaves_other_sessions_working() {
            TokenPair other = login("demo", PASSWORD);

            auth.logout(first.refreshToken());

            assertThat(auth.refresh(other.refreshToken()).refreshToken()).isNotBlank();
        }

        @Test
        void logout_with_an_unknown_or_missing_token_does_nothing() {
            assertThatNoException().isThrownBy(() -> {
                auth.logout("unknown");
                auth.logout("");
                auth.logout("   ");
                auth.logout(null);
            });
            assertThat(stored(first.refreshToken()).isRevoked()).isFalse();
        }
    }
}
