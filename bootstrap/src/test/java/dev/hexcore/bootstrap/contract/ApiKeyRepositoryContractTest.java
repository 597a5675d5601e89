package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyRepository;
import dev.hexcore.domain.identity.ApiKeyStatus;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@link ApiKeyRepository} on the suite's PostgreSQL, through the domain port. */
@QuarkusTest
class ApiKeyRepositoryContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiKeyRepository keys;

    @Inject
    UnitOfWork uow;

    @Inject
    DataSource dataSource;

    @Test
    void aSavedKeyReadsBackByIdAndByHash() {
        Instant now = now();
        UUID creator = UUID.randomUUID();
        ApiKey.Issued issued = ApiKey.issue(UUID.randomUUID(), unique("label"), Set.of("profiles:read", "exports"), 250,
                now.plus(Duration.ofDays(30)), creator, now, RANDOM);
        uow.run(() -> keys.save(issued.key()));

        for (ApiKey read : new ApiKey[]{keys.findById(issued.key().id()).orElseThrow(),
                keys.findByHash(ApiKey.hash(issued.secret())).orElseThrow()}) {
            assertThat(read.id()).isEqualTo(issued.key().id());
            assertThat(read.label()).isEqualTo(issued.key().label());
            assertThat(read.keyHash()).isEqualTo(ApiKey.hash(issued.secret())).isNotEqualTo(issued.secret());
            assertThat(read.displayPrefix()).isEqualTo(issued.key().displayPrefix());
            assertThat(issued.secret()).startsWith(read.displayPrefix());
            assertThat(read.scopes()).containsExactlyInAnyOrder("profiles:read", "exports");
            assertThat(read.status()).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(read.rateLimitPerMin()).isEqualTo(250);
            assertThat(read.createdAt()).isEqualTo(now);
            assertThat(read.expiresAt()).isEqualTo(now.plus(Duration.ofDays(30)));
            assertThat(read.createdBy()).isEqualTo(creator);
            assertThat(read.lastUsedAt()).isNull();
            assertThat(read.revokedAt()).isNull();
        }
        assertThat(keys.findById(UUID.randomUUID())).isEmpty();
        assertThat(keys.findByHash(ApiKey.hash("hk_live_" + unique("unknown")))).isEmpty();
    }

    @Test
    void theSecretItselfIsNeverStored() throws SQLException {
        ApiKey.Issued issued = issue();
        uow.run(() -> keys.save(issued.key()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from api_keys where "
                     + "key_hash = ? or display_prefix = ? or label = ? or scopes::text like ?")) {
            query.setString(1, issued.secret());
            query.setString(2, issued.secret());
            query.setString(3, issued.secret());
            query.setString(4, "%" + issued.secret() + "%");
            var rows = query.executeQuery();
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void aSecondKeyWithTheSameHashIsAConflict() {
        ApiKey.Issued first = issue();
        uow.run(() -> keys.save(first.key()));
        ApiKey k = first.key();
        ApiKey twin = ApiKey.restore(UUID.randomUUID(), "twin", k.keyHash(), k.displayPrefix(), k.scopes(),
                ApiKeyStatus.ACTIVE, null, null, now(), null, null, null);

        assertThatThrownBy(() -> uow.run(() -> keys.save(twin)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("API_KEY_CONFLICT"));
        assertThat(keys.findById(twin.id())).isEmpty();
    }

    @Test
    void theListIsNewestFirstWithTheTotal() {
        long before = keys.list(new PageRequest(1, 1)).total();
        Instant t = now();
        ApiKey older = ApiKey.issue(UUID.randomUUID(), "older", Set.of("bot"), null, null, null, t.plusMillis(1), RANDOM).key();
        ApiKey newer = ApiKey.issue(UUID.randomUUID(), "newer", Set.of("bot"), null, null, null, t.plusMillis(2), RANDOM).key();
        uow.run(() -> keys.save(older));
        uow.run(() -> keys.save(newer));

        Page<ApiKey> first = keys.list(new PageRequest(1, 2));
        assertThat(first.total()).isEqualTo(before + 2);
        assertThat(first.items()).extracting(ApiKey::id).containsExactly(newer.id(), older.id());
        assertThat(keys.list(new PageRequest(2, 1)).items()).extracting(ApiKey::id).containsExactly(older.id());
    }

    @Test
    void aRevocationThroughTheRepositoryIsSeenByHashWithinASecond() {
        ApiKey.Issued issued = issue();
        uow.run(() -> keys.save(issued.key()));
        String hash = ApiKey.hash(issued.secret());
        assertThat(keys.findByHash(hash)).map(ApiKey::status).contains(ApiKeyStatus.ACTIVE);   // now cached

        Instant revokedAt = now();
        uow.run(() -> {
            ApiKey key = keys.findById(issued.key().id()).orElseThrow();
            key.revoke(revokedAt);
            keys.save(key);
        });

        eventually(Duration.ofMillis(1000), () -> {
            ApiKey read = keys.findByHash(hash).orElseThrow();
            assertThat(read.status()).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(read.revokedAt()).isEqualTo(revokedAt);
            assertThat(read.isUsableAt(Instant.now())).isFalse();
        });
    }

    /** Another replica (here: plain SQL) revokes the key; this replica's cached lookup must expire within 1 s. */
    @Test
    void aRevocationMadeElsewhereIsSeenByHashWithinASecond() throws SQLException {
        ApiKey.Issued issued = issue();
        uow.run(() -> keys.save(issued.key()));
        String hash = ApiKey.hash(issued.secret());
        assertThat(keys.findByHash(hash)).map(ApiKey::status).contains(ApiKeyStatus.ACTIVE);   // now cached

        execute("update api_keys set status = 'REVOKED', revoked_at = now() where id = ?", issued.key().id());
        eventually(Duration.ofMillis(1000),
                () -> assertThat(keys.findByHash(hash)).map(ApiKey::status).contains(ApiKeyStatus.REVOKED));
    }

    /** "Not found" is cached too, for at most a second. */
    @Test
    void aKeyCreatedElsewhereIsFoundWithinASecond() throws SQLException {
        ApiKey.Issued issued = issue();
        String hash = ApiKey.hash(issued.secret());
        assertThat(keys.findByHash(hash)).isEmpty();   // now cached as absent

        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into api_keys (id, label, key_hash, "
                     + "display_prefix, scopes, status, created_at) values (?, 'elsewhere', ?, ?, '[\"bot\"]'::jsonb, "
                     + "'ACTIVE', now())")) {
            insert.setObject(1, issued.key().id());
            insert.setString(2, hash);
            insert.setString(3, issued.key().displayPrefix());
            insert.executeUpdate();
        }
        eventually(Duration.ofMillis(1000), () -> assertThat(keys.findByHash(hash)).isPresent());
    }

    @Test
    void aKeySavedThroughTheRepositoryIsFoundAtOnceEvenAfterAMiss() {
        ApiKey.Issued issued = issue();
        String hash = ApiKey.hash(issued.secret());
        assertThat(keys.findByHash(hash)).isEmpty();   // cached as absent
        uow.run(() -> keys.save(issued.key()));
        assertThat(keys.findByHash(hash)).isPresent();
    }

    @Test
    void aCallerChangingTheKeyItGotDoesNotChangeWhatOthersRead() {
        ApiKey.Issued issued = issue();
        uow.run(() -> keys.save(issued.key()));
        String hash = ApiKey.hash(issued.secret());
        keys.findByHash(hash).orElseThrow().revoke(now());   // revoked in memory only, never saved
        assertThat(keys.findByHash(hash)).map(ApiKey::status).contains(ApiKeyStatus.ACTIVE);
    }

    @Test
    void lastUsedIsWrittenInOneBatchAndNeverMovesBackwards() {
        ApiKey a = issue().key();
        ApiKey b = issue().key();
        uow.run(() -> keys.save(a));
        uow.run(() -> keys.save(b));
        Instant t1 = now().minusSeconds(60);
        Instant t2 = t1.plusSeconds(30);

        uow.run(() -> keys.recordLastUsed(Map.of(a.id(), t2, b.id(), t1, UUID.randomUUID(), t2)));
        assertThat(keys.findById(a.id()).orElseThrow().lastUsedAt()).isEqualTo(t2);
        assertThat(keys.findById(b.id()).orElseThrow().lastUsedAt()).isEqualTo(t1);

        // an older time (a slow replica's flush) does not move it back; a newer one moves it forward
        uow.run(() -> keys.recordLastUsed(Map.of(a.id(), t1, b.id(), t2)));
        assertThat(keys.findById(a.id()).orElseThrow().lastUsedAt()).isEqualTo(t2);
        assertThat(keys.findById(b.id()).orElseThrow().lastUsedAt()).isEqualTo(t2);

        uow.run(() -> keys.recordLastUsed(Map.of()));
        assertThat(keys.findById(a.id()).orElseThrow().lastUsedAt()).isEqualTo(t2);
    }

    @Test
    void savingAKeyLoadedBeforeItsUseDoesNotEraseTheLastUse() {
        ApiKey key = issue().key();
        uow.run(() -> keys.save(key));
        ApiKey stale = keys.findById(key.id()).orElseThrow();   // last_used_at still empty here
        Instant used = now();
        uow.run(() -> keys.recordLastUsed(Map.of(key.id(), used)));

        stale.revoke(now());
        uow.run(() -> keys.save(stale));

        ApiKey read = keys.findById(key.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(read.lastUsedAt()).isEqualTo(used);
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static ApiKey.Issued issue() {
        return ApiKey.issue(UUID.randomUUID(), unique("key"), Set.of("profiles:read"), null, null, null, now(), RANDOM);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
