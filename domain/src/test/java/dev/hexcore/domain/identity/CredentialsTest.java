package dev.hexcore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    private static void assertInvalid(Runnable action, String field) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(action::run)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "demo", "Alice_01", "first.last", "x-y-z", "___"})
    void valid_usernames_are_kept_as_typed(String username) {
        assertThat(Credentials.username(username)).isEqualTo(username);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "with space", " alice", "alice ", "al@ice", "алиса", "emoji😀", "a+b"})
    void invalid_usernames_are_refused(String username) {
        assertInvalid(() -> Credentials.username(username), "username");
    }

    @Test
    void usernames_are_3_to_50_characters() {
        assertThat(Credentials.username("a".repeat(3))).hasSize(3);
        assertThat(Credentials.username("a".repeat(50))).hasSize(50);
        assertInvalid(() -> Credentials.username("a".repeat(51)), "username");
    }

    static Stream<Arguments> validEmails() {
        return Stream.of(
                Arguments.of("demo@example.com", "demo@example.com"),
                Arguments.of("Demo@Example.COM", "demo@example.com"),
                Arguments.of("first.last+tag@sub.example.kz", "first.last+tag@sub.example.kz"),
                Arguments.of("a@b.io", "a@b.io"));
    }

    @ParameterizedTest
    @MethodSource("validEmails")
    void valid_emails_are_lower_cased(String email, String expected) {
        assertThat(Credentials.email(email)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"plain", "@example.com", "demo@", "demo@example", "demo@example.c", "de mo@example.com",
            "demo@@example.com", "a@b@example.com"})
    void invalid_emails_are_refused(String email) {
        assertInvalid(() -> Credentials.email(email), "email");
    }

    @Test
    void emails_are_limited_to_254_characters_and_64_in_the_local_part() {
        String domain254 = "x".repeat(64) + "@" + "d".repeat(185) + ".com";   // 64 + 1 + 185 + 4 = 254
        assertThat(domain254).hasSize(254);
        assertThat(Credentials.email(domain254)).isEqualTo(domain254);

        assertInvalid(() -> Credentials.email("x".repeat(64) + "@" + "d".repeat(186) + ".com"), "email");
        assertInvalid(() -> Credentials.email("x".repeat(65) + "@example.com"), "email");
    }

    static Stream<Arguments> passwords() {
        return Stream.of(
                Arguments.of("7 ASCII characters", "a".repeat(7), 7, false),
                Arguments.of("8 ASCII characters", "a".repeat(8), 8, true),
                Arguments.of("72 ASCII characters", "a".repeat(72), 72, true),
                Arguments.of("73 ASCII characters", "a".repeat(73), 73, false),
                Arguments.of("36 Cyrillic letters", "ж".repeat(36), 72, true),
                Arguments.of("37 Cyrillic letters", "ж".repeat(37), 74, false),
                Arguments.of("70 ASCII + é", "a".repeat(70) + "é", 72, true),
                Arguments.of("71 ASCII + é (72 characters)", "a".repeat(71) + "é", 73, false),
                Arguments.of("24 CJK characters", "密".repeat(24), 72, true),
                Arguments.of("25 CJK characters", "密".repeat(25), 75, false),
                Arguments.of("18 emoji", "😀".repeat(18), 72, true),
                Arguments.of("19 emoji", "😀".repeat(19), 76, false),
                Arguments.of("8 Kazakh letters", "қазақшаә", 16, true));
    }

    @ParameterizedTest(name = "{0} = {2} bytes: valid={3}")
    @MethodSource("passwords")
    void passwords_are_8_characters_to_72_utf8_bytes(String description, String password, int utf8Bytes,
                                                      boolean valid) {
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(utf8Bytes);
        if (valid) {
            assertThat(Credentials.password(password)).isEqualTo(password);
        } else {
            assertInvalid(() -> Credentials.password(password), "password");
        }
    }

    @Test
    void a_missing_password_is_refused() {
        assertInvalid(() -> Credentials.password(null), "password");
    }

    @Test
    void a_password_is_not_trimmed_or_changed() {
        assertThat(Credentials.password("  spaced pass  ")).isEqualTo("  spaced pass  ");
    }

    @Test
    void languages_are_trimmed_and_1_to_50_characters() {
        assertThat(Credentials.language("native_language", "  Kazakh ")).isEqualTo("Kazakh");
        assertThat(Credentials.language("native_language", "x".repeat(50))).hasSize(50);
        assertInvalid(() -> Credentials.language("native_language", null), "native_language");
        assertInvalid(() -> Credentials.language("target_language", " "), "target_language");
        assertInvalid(() -> Credentials.language("target_language", "x".repeat(51)), "target_language");
    }
}
