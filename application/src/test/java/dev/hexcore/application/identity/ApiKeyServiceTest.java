package dev.hexcore.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.identity.ApiKeysUseCase.CreateApiKeyCommand;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryApiKeyRepository;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.ApiKeyStatus;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserStatus;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyServiceTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final UUID ADMIN_ID = UUID.fromString("0195a1b2-0000-7000-8000-0000000000ad");
    private static final Actor ADMIN = Actor.user(ADMIN_ID, Set.of(Role.ADMIN));

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryApiKeyRepository keys;
    private InMemoryUserRepository users;
    private ApiKeyService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        uow = new FakeUnitOfWork();
        keys = new InMemoryApiKeyRepository(uow);
        users = new InMemoryUserRepository(uow);
        service = new ApiKeyService(keys, users, uow, clock, new UuidV7Generator(clock, new SplittableRandom(11)),
                new SplittableRandom(12));
    }

    private ApiKey.Issued create(String label) {
        return service.create(ADMIN, new CreateApiKeyCommand(label, Set.of(ApiKeyScope.BOT), null, null));
    }

    private ApiKey stored(UUID id) {
        return keys.findById(id).orElseThrow();
    }

    static Stream<Actor> nonAdmins() {
        return Stream.of(
                Actor.user(UUID.randomUUID(), Set.of(Role.USER)),
                Actor.user(UUID.randomUUID(), Set.of(Role.MANAGER)),
                Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.BOT, ApiKeyScope.PROFILES_READ,
                        ApiKeyScope.PROFILES_WRITE, ApiKeyScope.EXPORTS)));
    }

    @Test
    void an_admin_creates_a_key_that_is_stored_by_hash_and_returned_once_in_full() {
        Instant expires = START.plus(Duration.ofDays(90));

        ApiKey.Issued issued = service.create(ADMIN, new CreateApiKeyCommand("QA", Set.of(ApiKeyScope.PROFILES_READ),
                100, expires));

        assertThat(issued.secret()).startsWith("hk_live_");
        ApiKey key = stored(issued.key().id());
        assertThat(key.keyHash()).isEqualTo(ApiKey.hash(issued.secret())).isNotEqualTo(issued.secret());
        assertThat(key.displayPrefix()).isEqualTo(issued.key().displayPrefix());
        assertThat(issued.secret()).startsWith(key.displayPrefix());
        assertThat(key.label()).isEqualTo("QA");
        assertThat(key.scopes()).containsExactly(ApiKeyScope.PROFILES_READ);
        assertThat(key.rateLimitPerMin()).isEqualTo(100);
        assertThat(key.expiresAt()).isEqualTo(expires);
        assertThat(key.createdAt()).isEqualTo(START);
        assertThat(key.createdBy()).isEqualTo(ADMIN_ID);
        assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key.id().version()).isEqualTo(7);
    }

    @Test
    void two_keys_never_share_a_secret() {
        ApiKey.Issued a = create("a");
        ApiKey.Issued b = create("b");

        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.key().keyHash()).isNotEqualTo(b.key().keyHash());
    }

    @Test
    void a_key_created_by_an_admin_api_key_has_no_creating_user() {
        Actor adminKey = Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.ADMIN));

        ApiKey.Issued issued = service.create(adminKey, new CreateApiKeyCommand("cli", Set.of(ApiKeyScope.BOT), null,
                null));

        assertThat(stored(issued.key().id()).createdBy()).isNull();
    }

    @ParameterizedTest
    @MethodSource("nonAdmins")
    void only_admins_may_create_list_or_revoke_keys(Actor actor) {
        ApiKey.Issued existing = create("existing");

        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.create(actor,
                new CreateApiKeyCommand("mine", Set.of(ApiKeyScope.ADMIN), null, null)));
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> service.list(actor, new PageRequest(1, 20)));
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> service.revoke(actor, existing.key().id()));

        assertThat(keys.count()).isEqualTo(1);
        assertThat(stored(existing.key().id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void invalid_commands_store_nothing() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> service.create(ADMIN,
                new CreateApiKeyCommand("x", Set.of("superpowers"), null, null)))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly("scopes"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> service.create(ADMIN,
                new CreateApiKeyCommand("x", Set.of(ApiKeyScope.BOT), null, START.minusSeconds(1))));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> service.create(ADMIN,
                new CreateApiKeyCommand(" ", Set.of(ApiKeyScope.BOT), null, null)));

        assertThat(keys.count()).isZero();
    }

    @Test
    void authenticate_accepts_the_secret_of_an_active_key() {
        ApiKey.Issued issued = create("bot");

        assertThat(authenticate(issued.secret())).get().satisfies(k -> {
            assertThat(k.id()).isEqualTo(issued.key().id());
            assertThat(k.scopes()).containsExactly(ApiKeyScope.BOT);
        });
    }

    @Test
    void authenticate_refuses_a_revoked_key() {
        ApiKey.Issued issued = create("bot");
        clock.advance(Duration.ofSeconds(5));

        service.revoke(ADMIN, issued.key().id());

        assertThat(stored(issued.key().id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(stored(issued.key().id()).revokedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(authenticate(issued.secret())).isEmpty();
        assertThat(service.flushUsage()).isZero();
    }

    @Test
    void authenticate_refuses_a_key_from_its_expiry_on() {
        ApiKey.Issued issued = service.create(ADMIN, new CreateApiKeyCommand("temp", Set.of(ApiKeyScope.BOT), null,
                START.plus(Duration.ofHours(1))));

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(authenticate(issued.secret())).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(authenticate(issued.secret())).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "hk_live_", "hk_live_short", "Bearer hk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "hk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void authenticate_refuses_garbage_and_unknown_keys_and_records_no_use(String secret) {
        create("bot");

        assertThat(authenticate(secret)).isEmpty();
        assertThat(service.flushUsage()).isZero();
        assertThat(keys.usageBatches()).isEmpty();
    }

    @Test
    void authenticate_refuses_a_secret_that_differs_in_one_character() {
        ApiKey.Issued issued = create("bot");
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(authenticate(tampered)).isEmpty();
        assertThat(authenticate(secret.toUpperCase())).isEmpty();
    }

    @Test
    void usage_is_collected_in_memory_and_written_in_one_batch_with_the_latest_time() {
        ApiKey.Issued issued = create("bot");
        UUID id = issued.key().id();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(authenticate(issued.secret())).isPresent();
        }
        assertThat(keys.usageBatches()).as("no write per request").isEmpty();
        assertThat(stored(id).lastUsedAt()).isNull();

        assertThat(service.flushUsage()).isEqualTo(1);

        assertThat(keys.usageBatches()).containsExactly(Map.of(id, START.plusSeconds(50)));
        assertThat(stored(id).lastUsedAt()).isEqualTo(START.plusSeconds(50));
    }

    @Test
    void one_flush_writes_one_entry_per_key_used() {
        ApiKey.Issued a = create("a");
        ApiKey.Issued b = create("b");
        create("unused");
        authenticate(a.secret());
        clock.advance(Duration.ofSeconds(1));
        authenticate(b.secret());
        clock.advance(Duration.ofSeconds(1));
        authenticate(a.secret());

        assertThat(service.flushUsage()).isEqualTo(2);

        assertThat(keys.usageBatches()).containsExactly(Map.of(
                a.key().id(), START.plusSeconds(2),
                b.key().id(), START.plusSeconds(1)));
    }

    @Test
    void a_flush_with_nothing_pending_writes_nothing() {
        assertThat(service.flushUsage()).isZero();

        ApiKey.Issued issued = create("bot");
        authenticate(issued.secret());
        assertThat(service.flushUsage()).isEqualTo(1);
        int commits = uow.commits();

        assertThat(service.flushUsage()).as("already flushed").isZero();
        assertThat(keys.usageBatches()).hasSize(1);
        assertThat(uow.commits()).as("no transaction for an empty flush").isEqualTo(commits);
    }

    @Test
    void later_flushes_carry_only_the_new_uses() {
        ApiKey.Issued a = create("a");
        ApiKey.Issued b = create("b");
        authenticate(a.secret());
        service.flushUsage();
        clock.advance(Duration.ofMinutes(1));
        authenticate(b.secret());

        assertThat(service.flushUsage()).isEqualTo(1);

        assertThat(keys.usageBatches()).last().isEqualTo(Map.of(b.key().id(), START.plusSeconds(60)));
        assertThat(stored(a.key().id()).lastUsedAt()).isEqualTo(START);
    }

    @Test
    void a_failed_flush_keeps_the_uses_for_the_next_one() {
        ApiKey.Issued a = create("a");
        authenticate(a.secret());
        keys.failNextUsageWrite(new IllegalStateException("database down"));

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(service::flushUsage);
        assertThat(keys.usageBatches()).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        authenticate(a.secret());
        assertThat(service.flushUsage()).isEqualTo(1);
        assertThat(keys.usageBatches()).containsExactly(Map.of(a.key().id(), START.plusSeconds(30)));
    }

    @Test
    void a_failed_flush_is_retried_with_the_same_time_when_no_new_use_arrived() {
        ApiKey.Issued a = create("a");
        authenticate(a.secret());
        keys.failNextUsageWrite(new IllegalStateException("database down"));
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(service::flushUsage);

        assertThat(service.flushUsage()).isEqualTo(1);

        assertThat(stored(a.key().id()).lastUsedAt()).isEqualTo(START);
    }

    @Test
    void revoking_keeps_the_last_used_time() {
        ApiKey.Issued a = create("a");
        authenticate(a.secret());
        service.flushUsage();
        clock.advance(Duration.ofMinutes(1));

        service.revoke(ADMIN, a.key().id());

        assertThat(stored(a.key().id()).lastUsedAt()).isEqualTo(START);
    }

    @Test
    void keys_are_listed_newest_first_with_paging() {
        create("first");
        clock.advance(Duration.ofSeconds(1));
        create("second");
        clock.advance(Duration.ofSeconds(1));
        create("third");

        Page<ApiKey> all = service.list(ADMIN, new PageRequest(1, 20));
        assertThat(all.items()).extracting(ApiKey::label).containsExactly("third", "second", "first");
        assertThat(all.total()).isEqualTo(3);

        Page<ApiKey> second = service.list(ADMIN, new PageRequest(2, 2));
        assertThat(second.items()).extracting(ApiKey::label).containsExactly("first");
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.limit()).isEqualTo(2);
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void revoking_an_unknown_key_is_not_found() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> service.revoke(ADMIN, UUID.randomUUID()))
                .satisfies(e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void revoking_twice_keeps_the_first_revocation() {
        ApiKey.Issued a = create("a");
        service.revoke(ADMIN, a.key().id());
        clock.advance(Duration.ofHours(1));

        service.revoke(ADMIN, a.key().id());

        assertThat(stored(a.key().id()).revokedAt()).isEqualTo(START);
    }

    @Test
    void user_access_reports_the_current_status_and_roles() {
        User user = User.register(UUID.randomUUID(), "alice", "alice@example.com", "h", Set.of(Role.COURIER), null,
                null, START);
        uow.run(() -> users.save(user));

        assertThat(userAccess(user.id())).contains(new UserAccess(user.id(), UserStatus.ACTIVE,
                Set.of(Role.COURIER), null));
        assertThat(userAccess(UUID.randomUUID())).isEmpty();

        user.disable(START);
        uow.run(() -> users.save(user));
        assertThat(userAccess(user.id())).get().extracting(UserAccess::isActive).isEqualTo(false);
    }

    /** The service answers asynchronously; the in-memory fakes complete at once. */
    private Optional<ApiKey> authenticate(String secret) {
        return service.authenticate(secret).toCompletableFuture().join();
    }

    private Optional<UserAccess> userAccess(UUID userId) {
        return service.userAccess(userId).toCompletableFuture().join();
    }
}
