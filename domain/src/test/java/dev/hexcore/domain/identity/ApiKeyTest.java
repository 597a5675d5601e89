package dev.hexcore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final UUID ID = UUID.fromString("0195a1b2-0000-7000-8000-000000000001");
    private static final UUID ADMIN = UUID.fromString("0195a1b2-0000-7000-8000-0000000000ad");
    private static final Set<String> SCOPES = Set.of(ApiKeyScope.PROFILES_READ, ApiKeyScope.EXPORTS);

    private static ApiKey.Issued issue() {
        return ApiKey.issue(ID, "QA bot", SCOPES, 100, NOW.plus(Duration.ofDays(30)), ADMIN, NOW, new SecureRandom());
    }

    private static ApiKey.Issued issueWith(String label, Set<String> scopes, Integer rate, Instant expiresAt) {
        return ApiKey.issue(ID, label, scopes, rate, expiresAt, ADMIN, NOW, new SecureRandom());
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(action::run)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly(field));
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_issued_secret_has_the_live_prefix_and_at_least_128_random_bits() {
        String secret = issue().secret();

        assertThat(secret).startsWith("hk_live_");
        String random = secret.substring("hk_live_".length());
        assertThat(random).matches("[A-Za-z0-9_-]+").hasSizeGreaterThanOrEqualTo(22);
        assertThat(Base64.getUrlDecoder().decode(random).length * 8).isGreaterThanOrEqualTo(128);
        assertThat(ApiKey.looksLikeKey(secret)).isTrue();
    }

    @Test
    void every_issue_draws_a_new_secret_from_the_random_generator() {
        Set<String> secrets = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            secrets.add(ApiKey.issue(UUID.randomUUID(), "k", SCOPES, null, null, null, NOW, random).secret());
        }
        assertThat(secrets).hasSize(200);

        // the randomness comes from the generator passed in, nowhere else
        String a = ApiKey.issue(ID, "k", SCOPES, null, null, null, NOW, new SplittableRandom(7)).secret();
        String b = ApiKey.issue(ID, "k", SCOPES, null, null, null, NOW, new SplittableRandom(7)).secret();
        String c = ApiKey.issue(ID, "k", SCOPES, null, null, null, NOW, new SplittableRandom(8)).secret();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void only_the_sha256_hex_of_the_secret_is_kept_never_the_secret() throws Exception {
        ApiKey.Issued issued = issue();
        ApiKey key = issued.key();

        assertThat(key.keyHash()).isEqualTo(sha256Hex(issued.secret()))
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(issued.secret())
                .doesNotContain(issued.secret().substring("hk_live_".length()));
        assertThat(ApiKey.hash(issued.secret())).isEqualTo(key.keyHash());
        assertThat(ApiKey.hash(issued.secret() + "x")).isNotEqualTo(key.keyHash());
    }

    @Test
    void the_display_prefix_is_a_short_prefix_of_the_secret() {
        ApiKey.Issued issued = issue();
        String prefix = issued.key().displayPrefix();

        assertThat(issued.secret()).startsWith(prefix);
        assertThat(prefix).startsWith("hk_live_");
        assertThat(prefix.length()).isGreaterThan("hk_live_".length())
                .as("shows only a few characters of the random part")
                .isLessThanOrEqualTo("hk_live_".length() + 8);
    }

    @Test
    void issue_records_the_given_attributes_and_starts_active() {
        Instant expires = NOW.plus(Duration.ofDays(30));
        ApiKey key = ApiKey.issue(ID, "  QA bot  ", SCOPES, 100, expires, ADMIN, NOW, new SecureRandom()).key();

        assertThat(key.id()).isEqualTo(ID);
        assertThat(key.label()).isEqualTo("QA bot");
        assertThat(key.scopes()).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(key.rateLimitPerMin()).isEqualTo(100);
        assertThat(key.expiresAt()).isEqualTo(expires);
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.createdBy()).isEqualTo(ADMIN);
        assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key.lastUsedAt()).isNull();
        assertThat(key.revokedAt()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void a_blank_label_is_refused(String label) {
        assertInvalid(() -> issueWith(label, SCOPES, null, null), "label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\there", "esc\u001b[31m", "del\u007f", "c1\u0085"})
    void a_label_is_one_line_without_control_characters(String label) {
        assertInvalid(() -> issueWith(label, SCOPES, null, null), "label");
    }

    @Test
    void the_label_is_at_most_100_characters() {
        assertThat(issueWith("x".repeat(100), SCOPES, null, null).key().label()).hasSize(100);
        assertThat(issueWith("x", SCOPES, null, null).key().label()).isEqualTo("x");
        assertInvalid(() -> issueWith("x".repeat(101), SCOPES, null, null), "label");
    }

    static Stream<Arguments> badScopes() {
        return Stream.of(
                Arguments.of((Object) null),
                Arguments.of(Set.of()),
                Arguments.of(Set.of("nope")),
                Arguments.of(Set.of(ApiKeyScope.BOT, "profiles:delete")),
                Arguments.of(Set.of("ADMIN")));
    }

    @ParameterizedTest
    @MethodSource("badScopes")
    void missing_or_unknown_scopes_are_refused_on_the_scopes_field(Set<String> scopes) {
        assertInvalid(() -> issueWith("k", scopes, null, null), "scopes");
    }

    @Test
    void an_unknown_scope_is_named_in_the_message() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> issueWith("k", Set.of("nope"), null, null))
                .withMessageContaining("nope");
    }

    @Test
    void every_known_scope_is_accepted() {
        assertThat(issueWith("k", ApiKeyScope.KNOWN, null, null).key().scopes())
                .containsExactlyInAnyOrderElementsOf(ApiKeyScope.KNOWN);
        assertThat(ApiKeyScope.KNOWN).contains("admin", "profiles:read", "profiles:write", "exports", "bot");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rate_limit_per_minute_below_one_is_refused(int rate) {
        assertInvalid(() -> issueWith("k", SCOPES, rate, null), "rate_limit_per_min");
    }

    @Test
    void rate_limit_per_minute_above_the_maximum_is_refused() {
        int max = ApiKey.MAX_RATE_LIMIT_PER_MIN;

        assertInvalid(() -> issueWith("k", SCOPES, max + 1, null), "rate_limit_per_min");
        assertThat(issueWith("k", SCOPES, max, null).key().rateLimitPerMin()).isEqualTo(max);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 1_000_000})
    void rate_limit_per_minute_within_bounds_is_kept(int rate) {
        assertThat(issueWith("k", SCOPES, rate, null).key().rateLimitPerMin()).isEqualTo(rate);
    }

    @Test
    void no_rate_limit_means_the_default_policy() {
        assertThat(issueWith("k", SCOPES, null, null).key().rateLimitPerMin()).isNull();
    }

    @Test
    void an_expiry_that_is_not_in_the_future_is_refused() {
        assertInvalid(() -> issueWith("k", SCOPES, null, NOW), "expires_at");
        assertInvalid(() -> issueWith("k", SCOPES, null, NOW.minusSeconds(1)), "expires_at");
        assertThat(issueWith("k", SCOPES, null, NOW.plusMillis(1)).key().expiresAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(issueWith("k", SCOPES, null, null).key().expiresAt()).isNull();
    }

    @Test
    void a_key_without_expiry_is_usable_until_revoked() {
        ApiKey key = issueWith("k", SCOPES, null, null).key();

        assertThat(key.isUsableAt(NOW)).isTrue();
        assertThat(key.isUsableAt(NOW.plus(Duration.ofDays(3650)))).isTrue();

        key.revoke(NOW.plusSeconds(5));

        assertThat(key.status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(key.revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(key.isUsableAt(NOW.plusSeconds(5))).isFalse();
        assertThat(key.isUsableAt(NOW)).isFalse();
    }

    @Test
    void a_key_stops_working_at_its_expiry() {
        Instant expires = NOW.plus(Duration.ofHours(1));
        ApiKey key = issueWith("k", SCOPES, null, expires).key();

        assertThat(key.isUsableAt(expires.minusMillis(1))).isTrue();
        assertThat(key.isUsableAt(expires)).isFalse();
        assertThat(key.isUsableAt(expires.plusSeconds(1))).isFalse();
    }

    @Test
    void revoking_twice_keeps_the_first_revocation_time() {
        ApiKey key = issue().key();
        key.revoke(NOW.plusSeconds(1));
        key.revoke(NOW.plusSeconds(99));

        assertThat(key.revokedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(key.status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void restore_rebuilds_a_key_without_applying_the_issue_rules() {
        ApiKey key = ApiKey.restore(ID, "old", "ab".repeat(32), "hk_live_abcdef", Set.of("legacy"),
                ApiKeyStatus.REVOKED, null, NOW, NOW.minusSeconds(60), NOW.minusSeconds(1), NOW, null);

        assertThat(key.scopes()).containsExactly("legacy");
        assertThat(key.isUsableAt(NOW.minusSeconds(30))).isFalse();
    }

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of(null, false),
                Arguments.of("", false),
                Arguments.of("hk_live_", false),
                Arguments.of("hk_live_" + "a".repeat(16), false),
                Arguments.of("hk_live_" + "a".repeat(17), true),
                Arguments.of("hk_live_" + "a".repeat(43), true),
                Arguments.of("hk_live_" + "a".repeat(120), true),
                Arguments.of("hk_live_" + "a".repeat(121), false),
                Arguments.of("hk_test_" + "a".repeat(43), false),
                Arguments.of("HK_LIVE_" + "a".repeat(43), false),
                Arguments.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", false));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("candidates")
    void looks_like_key_is_a_cheap_syntactic_check(String value, boolean expected) {
        assertThat(ApiKey.looksLikeKey(value)).isEqualTo(expected);
    }
}
