package dev.hexcore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final UUID ID = UUID.fromString("0195a1b2-0000-7000-8000-000000000001");

    private static User alice() {
        return User.register(ID, "alice", "Alice@Example.COM", "hash", Set.of(Role.USER), null, null, NOW);
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(action::run)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly(field));
    }

    @Test
    void register_creates_an_active_learner_with_russian_and_kazakh_by_default() {
        User user = alice();

        assertThat(user.id()).isEqualTo(ID);
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.passwordHash()).isEqualTo("hash");
        assertThat(user.roles()).containsExactly(Role.USER);
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.isActive()).isTrue();
        assertThat(user.nativeLanguage()).isEqualTo("Russian").isEqualTo(User.DEFAULT_NATIVE_LANGUAGE);
        assertThat(user.targetLanguage()).isEqualTo("Kazakh").isEqualTo(User.DEFAULT_TARGET_LANGUAGE);
        assertThat(user.xp()).isZero();
        assertThat(user.interests()).isEmpty();
        assertThat(user.languageLevels()).isEmpty();
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void register_keeps_given_languages_trimmed() {
        User user = User.register(ID, "alice", "a@example.com", "h", Set.of(Role.USER), " English ", "Kazakh ", NOW);

        assertThat(user.nativeLanguage()).isEqualTo("English");
        assertThat(user.targetLanguage()).isEqualTo("Kazakh");
    }

    @Test
    void register_needs_at_least_one_role() {
        assertInvalid(() -> User.register(ID, "alice", "a@example.com", "h", Set.of(), null, null, NOW), "roles");
    }

    @Test
    void register_validates_username_email_and_languages() {
        assertInvalid(() -> User.register(ID, "a b", "a@example.com", "h", Set.of(Role.USER), null, null, NOW),
                "username");
        assertInvalid(() -> User.register(ID, "alice", "not-an-email", "h", Set.of(Role.USER), null, null, NOW),
                "email");
        assertInvalid(() -> User.register(ID, "alice", "a@example.com", "h", Set.of(Role.USER), "  ", null, NOW),
                "native_language");
        assertInvalid(() -> User.register(ID, "alice", "a@example.com", "h", Set.of(Role.USER), null,
                "x".repeat(51), NOW), "target_language");
    }

    @Test
    void register_keeps_several_roles() {
        User user = User.register(ID, "boss", "b@example.com", "h", Set.of(Role.ADMIN, Role.MANAGER), null, null, NOW);

        assertThat(user.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
        assertThat(user.hasRole(Role.ADMIN)).isTrue();
        assertThat(user.hasRole(Role.USER)).isFalse();
    }

    @Test
    void roles_are_returned_as_an_unmodifiable_copy() {
        User user = alice();

        assertThatThrownBy(() -> user.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(user.hasRole(Role.ADMIN)).isFalse();
    }

    @Test
    void interests_are_trimmed_deduplicated_and_stamp_the_update() {
        User user = alice();

        user.changeInterests(List.of("music", " music ", "football", "travel "), LATER);

        assertThat(user.interests()).containsExactly("music", "football", "travel");
        assertThat(user.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void up_to_twenty_interests_are_allowed() {
        User user = alice();
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "interest-" + i).toList();

        user.changeInterests(twenty, LATER);

        assertThat(user.interests()).hasSize(20);
    }

    @Test
    void more_than_twenty_interests_are_refused_and_nothing_changes() {
        User user = alice();
        user.changeInterests(List.of("music"), NOW);
        List<String> twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> "interest-" + i).toList();

        assertInvalid(() -> user.changeInterests(twentyOne, LATER), "interests");
        assertThat(user.interests()).containsExactly("music");
        assertThat(user.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void each_interest_must_be_1_to_50_characters() {
        User user = alice();

        assertInvalid(() -> user.changeInterests(List.of("ok", ""), LATER), "interests");
        assertInvalid(() -> user.changeInterests(List.of("   "), LATER), "interests");
        assertInvalid(() -> user.changeInterests(Collections.singletonList(null), LATER), "interests");
        assertInvalid(() -> user.changeInterests(List.of("x".repeat(51)), LATER), "interests");
        user.changeInterests(List.of("x".repeat(50)), LATER);
        assertThat(user.interests()).containsExactly("x".repeat(50));
    }

    @Test
    void the_interests_list_cannot_be_changed_from_outside() {
        User user = alice();
        List<String> mine = new ArrayList<>(Arrays.asList("music", "chess"));
        user.changeInterests(mine, LATER);
        mine.add("hacking");

        assertThat(user.interests()).containsExactly("music", "chess");
        assertThatThrownBy(() -> user.interests().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rename_changes_the_username_and_stamps_the_update() {
        User user = alice();

        user.rename("alice_2", LATER);

        assertThat(user.username()).isEqualTo("alice_2");
        assertThat(user.updatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ab", "has space", "émile", "a/b", "toolong_toolong_toolong_toolong_toolong_toolong_xyz"})
    void rename_refuses_an_invalid_username_and_keeps_the_old_one(String bad) {
        User user = alice();

        assertInvalid(() -> user.rename(bad, LATER), "username");
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void change_email_lower_cases_it() {
        User user = alice();

        user.changeEmail("New.Address@Example.org", LATER);

        assertThat(user.email()).isEqualTo("new.address@example.org");
        assertInvalid(() -> user.changeEmail("nope", LATER), "email");
        assertThat(user.email()).isEqualTo("new.address@example.org");
    }

    @Test
    void change_languages_validates_both() {
        User user = alice();

        user.changeLanguages("English", " German ", LATER);
        assertThat(user.nativeLanguage()).isEqualTo("English");
        assertThat(user.targetLanguage()).isEqualTo("German");
        assertThat(user.updatedAt()).isEqualTo(LATER);

        assertInvalid(() -> user.changeLanguages(null, "Kazakh", LATER), "native_language");
        assertInvalid(() -> user.changeLanguages("Russian", "", LATER), "target_language");
    }

    @Test
    void time_zone_starts_in_moscow_and_only_an_iana_zone_replaces_it() {
        User user = alice();
        assertThat(user.timeZone()).hasToString("Europe/Moscow");

        user.changeTimeZone("Asia/Almaty", LATER);
        assertThat(user.timeZone()).hasToString("Asia/Almaty");
        assertThat(user.updatedAt()).isEqualTo(LATER);

        assertInvalid(() -> user.changeTimeZone("Mars/Olympus", NOW), "time_zone");
        assertThat(user.timeZone()).hasToString("Asia/Almaty");
    }

    @Test
    void assign_roles_replaces_the_roles_and_needs_at_least_one() {
        User user = alice();

        user.assignRoles(Set.of(Role.MANAGER, Role.FLORIST), LATER);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.FLORIST);
        assertThat(user.updatedAt()).isEqualTo(LATER);

        assertInvalid(() -> user.assignRoles(Set.of(), LATER.plusSeconds(1)), "roles");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.FLORIST);
    }

    @Test
    void disable_and_enable_toggle_the_status() {
        User user = alice();

        user.disable(LATER);
        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(user.isActive()).isFalse();
        assertThat(user.updatedAt()).isEqualTo(LATER);

        user.enable(LATER.plusSeconds(1));
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.isActive()).isTrue();
        assertThat(user.updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void change_password_hash_replaces_the_hash() {
        User user = alice();

        user.changePasswordHash("new-hash", LATER);

        assertThat(user.passwordHash()).isEqualTo("new-hash");
        assertThat(user.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void restore_rebuilds_a_user_as_stored() {
        User user = User.restore(ID, "legacy user", "X@Y", "h", Set.of(), UserStatus.DISABLED, "Russian", "Kazakh",
                120, java.util.Map.of("Kazakh", "A2"), List.of("music"), NOW, LATER, LATER, 777L,
                java.time.ZoneId.of("Asia/Almaty"));

        assertThat(user.username()).isEqualTo("legacy user");
        assertThat(user.telegramId()).contains(777L);
        assertThat(user.timeZone()).hasToString("Asia/Almaty");
        assertThat(user.access().telegram()).contains(777L);
        assertThat(user.roles()).isEmpty();
        assertThat(user.isActive()).isFalse();
        assertThat(user.xp()).isEqualTo(120);
        assertThat(user.languageLevels()).containsEntry("Kazakh", "A2");
        assertThat(user.updatedAt()).isEqualTo(LATER);
        assertThat(user.tokensValidAfter()).isEqualTo(LATER);
    }

    @Test
    void a_new_account_accepts_tokens_from_any_time() {
        User user = alice();

        assertThat(user.tokensValidAfter()).isNull();
        assertThat(user.access().acceptsTokenIssuedAt(NOW.minusSeconds(86_400))).isTrue();
    }

    @Test
    void tokens_issued_before_a_disable_stay_dead_after_the_account_is_enabled_again() {
        User user = alice();
        Instant issuedBefore = LATER.minusSeconds(60);
        Instant issuedAfterEnable = LATER.plusSeconds(2);

        user.disable(LATER);
        assertThat(user.access().acceptsTokenIssuedAt(issuedBefore)).isFalse();
        assertThat(user.access().acceptsTokenIssuedAt(issuedAfterEnable)).as("the account is disabled").isFalse();

        user.enable(LATER.plusSeconds(1));
        assertThat(user.access().acceptsTokenIssuedAt(issuedBefore)).isFalse();
        assertThat(user.access().acceptsTokenIssuedAt(issuedAfterEnable)).isTrue();
        assertThat(user.tokensValidAfter()).as("enabling does not move the cut-off").isEqualTo(LATER);
    }

    @Test
    void the_cut_off_is_compared_in_whole_seconds_because_a_jwt_iat_has_no_finer_resolution() {
        User user = alice();
        Instant disabledAt = LATER.plusMillis(500);
        user.disable(disabledAt);
        user.enable(disabledAt.plusMillis(100));

        assertThat(user.access().acceptsTokenIssuedAt(LATER)).as("same second, before the disable").isFalse();
        assertThat(user.access().acceptsTokenIssuedAt(disabledAt.plusMillis(200))).as("same second, after").isFalse();
        assertThat(user.access().acceptsTokenIssuedAt(LATER.plusSeconds(1))).as("the next second").isTrue();
    }

    @Test
    void access_carries_status_roles_and_the_cut_off() {
        User user = alice();
        user.disable(LATER);

        assertThat(user.access()).isEqualTo(new UserAccess(ID, UserStatus.DISABLED, Set.of(Role.USER), LATER));
    }

    @Test
    void a_telegram_id_is_linked_and_unlinked_and_must_be_positive() {
        User user = User.register(ID, "tg_user", "tg@example.com", "h", Set.of(Role.USER), null, null, NOW);
        assertThat(user.telegramId()).isEmpty();

        user.linkTelegram(123456789L, LATER);
        assertThat(user.telegramId()).contains(123456789L);
        assertThat(user.updatedAt()).isEqualTo(LATER);
        assertThat(Actor.user(user.access()).telegramId()).contains(123456789L);
        assertThat(Actor.user(user.access()).isTelegramUser(123456789L)).isTrue();
        assertThat(Actor.user(user.access()).isTelegramUser(5L)).isFalse();

        assertThatThrownBy(() -> user.linkTelegram(0L, LATER)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("telegram_id");
        assertThat(user.telegramId()).contains(123456789L);

        user.linkTelegram(null, LATER);
        assertThat(user.telegramId()).isEmpty();
    }
}
