package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.contract.SampleProfiles.OLDEST_FIRST;
import static dev.hexcore.bootstrap.contract.SampleProfiles.PERSON;
import static dev.hexcore.bootstrap.contract.SampleProfiles.deleted;
import static dev.hexcore.bootstrap.contract.SampleProfiles.expiring;
import static dev.hexcore.bootstrap.contract.SampleProfiles.profile;
import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileEvent;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileReader;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ProfileRepository} and {@link ProfileReader} on the suite's PostgreSQL, through the domain ports. Every test owns its profiles through
 * a unique source key (or, for the purge, times decades in the past), since the whole suite shares one database.
 */
@QuarkusTest
class ProfileRepositoryContractTest {
    private static final int STREAMED = 20_000;

    @Inject
    ProfileRepository profiles;

    @Inject
    ProfileReader reader;

    @Inject
    UnitOfWork uow;

    @Inject
    DataSource dataSource;

    @Test
    void aProfileReadsBackAsItWasWritten() {
        Instant now = now();
        Profile written = expiring(unique("owner"), now.minusSeconds(5), now.plus(Duration.ofDays(1)));
        uow.run(() -> profiles.insertAll(List.of(written)));

        Profile read = profiles.findVisible(written.id(), now).orElseThrow();
        assertThat(read.id()).isEqualTo(written.id());
        assertThat(read.payload()).isEqualTo(PERSON);
        assertThat(read.sourceKey()).isEqualTo(written.sourceKey());
        assertThat(read.createdAt()).isEqualTo(written.createdAt());
        assertThat(read.expiresAt()).isEqualTo(written.expiresAt());
        assertThat(read.deletedAt()).isNull();
        assertThat(profiles.findVisible(UUID.randomUUID(), now)).isEmpty();
    }

    @Test
    void aViewCarriesTheStoredPayloadAsJsonTextAndTheRowsFields() throws Exception {
        Instant now = now();
        Profile written = expiring(unique("owner"), now.minusSeconds(5), now.plus(Duration.ofDays(1)));
        uow.run(() -> profiles.insertAll(List.of(written)));

        ProfileView view = reader.findView(written.id(), now).orElseThrow();
        assertThat(view.id()).isEqualTo(written.id());
        assertThat(view.sourceKey()).isEqualTo(written.sourceKey());
        assertThat(view.createdAt()).isEqualTo(written.createdAt());
        assertThat(view.expiresAt()).isEqualTo(written.expiresAt());
        JsonNode payload = new ObjectMapper().readTree(view.payloadJson());
        assertThat(payload.get("full_name").asText()).isEqualTo("Иванов Иван Петрович");
        assertThat(payload.at("/finance/monthly_income/value").isTextual()).as("money as text").isTrue();
        assertThat(payload.at("/passport/issue_date").asText()).isEqualTo("2005-04-01");
        assertThat(reader.findView(written.id(), written.expiresAt())).as("expired at exactly now").isEmpty();
        assertThat(reader.findView(UUID.randomUUID(), now)).isEmpty();
    }

    @Test
    void aViewInsideAUnitOfWorkSeesItsOwnUncommittedInsert() {
        Profile written = profile(unique("owner"), now());
        assertThat(uow.inTransaction(() -> {
            profiles.insertAll(List.of(written));
            return reader.findView(written.id(), now());
        })).isPresent();
    }

    @Test
    void aPagePastTheEndIsEmptyButCarriesTheTotal() {
        String owner = unique("owner");
        Instant t = now().minusSeconds(10);
        uow.run(() -> profiles.insertAll(List.of(profile(owner, t), profile(owner, t.plusSeconds(1)),
                profile(owner, t.plusSeconds(2)))));
        ProfileFilter mine = ProfileFilter.all().ownedBy(owner);

        Page<ProfileView> past = reader.findViews(mine, new PageRequest(3, 2), now());
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(3);
        assertThat(reader.findViews(mine, new PageRequest(2, 2), now()).items()).hasSize(1);
        assertThat(reader.findViews(ProfileFilter.all().ownedBy(unique("nobody")), new PageRequest(1, 20), now()).total())
                .isZero();
    }

    @Test
    void thePayloadIsStoredInTheShapeOfTheApi() throws SQLException {
        Profile written = profile(unique("owner"), now());
        uow.run(() -> profiles.insertAll(List.of(written)));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select payload ->> 'full_name', "
                     + "payload -> 'passport' ->> 'issue_date', payload ->> 'birth_date', "
                     + "payload -> 'finance' -> 'monthly_income', "
                     + "jsonb_typeof(payload -> 'finance' -> 'monthly_income' -> 'value'), "
                     + "payload -> 'finance' ->> 'work_experience_months' from profiles where id = ?")) {
            query.setObject(1, written.id());
            ResultSet row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("Иванов Иван Петрович");
            assertThat(row.getString(2)).isEqualTo("2005-04-01");
            assertThat(row.getString(3)).isEqualTo("1985-03-14");
            assertThat(row.getString(4)).isEqualTo("{\"value\": \"85000.00\", \"currency\": \"RUB\"}");
            assertThat(row.getString(5)).isEqualTo("string");
            assertThat(row.getString(6)).isEqualTo("60");
        }
    }

    @Test
    void insertingNothingIsFine() {
        uow.run(() -> profiles.insertAll(List.of()));
    }

    @Test
    void aRolledBackInsertLeavesNothing() {
        Profile lost = profile(unique("owner"), now());
        assertThatThrownBy(() -> uow.run(() -> {
            profiles.insertAll(List.of(lost));
            throw new IllegalStateException("the use case failed after the insert");
        })).hasMessageContaining("use case failed");
        assertThat(profiles.findVisible(lost.id(), now())).isEmpty();
    }

    @Test
    void deletedAndExpiredProfilesAreInvisible() {
        String owner = unique("owner");
        Instant now = now();
        Profile alive = expiring(owner, now.minusSeconds(60), now.plusSeconds(1));
        Profile forever = profile(owner, now.minusSeconds(50));
        Profile expired = expiring(owner, now.minusSeconds(40), now.minusSeconds(1));
        Profile expiringNow = expiring(owner, now.minusSeconds(30), now);
        Profile gone = deleted(owner, now.minusSeconds(20), now.minusSeconds(10));
        uow.run(() -> profiles.insertAll(List.of(alive, forever, expired, expiringNow, gone)));

        assertThat(profiles.findVisible(alive.id(), now)).isPresent();
        assertThat(profiles.findVisible(forever.id(), now)).isPresent();
        assertThat(profiles.findVisible(expired.id(), now)).isEmpty();
        assertThat(profiles.findVisible(expiringNow.id(), now)).as("expired at exactly now").isEmpty();
        assertThat(profiles.findVisible(gone.id(), now)).isEmpty();
        assertThat(profiles.findVisible(alive.id(), now.plusSeconds(1))).as("later, alive has expired too").isEmpty();

        ProfileFilter mine = ProfileFilter.all().ownedBy(owner);
        assertThat(profiles.findVisible(mine, new PageRequest(1, 10), now).items()).extracting(Profile::id)
                .containsExactly(forever.id(), alive.id());
        assertThat(profiles.countVisible(mine, now)).isEqualTo(2);
        assertThat(streamed(mine, now)).extracting(Profile::id).containsExactly(alive.id(), forever.id());
    }

    @Test
    void deletingMarksTheProfileAndRecordsOneEvent() throws SQLException {
        Instant now = now();
        Profile profile = profile(unique("owner"), now.minusSeconds(10));
        uow.run(() -> profiles.insertAll(List.of(profile)));
        Profile stale = profiles.findVisible(profile.id(), now).orElseThrow();

        ProfileEvent event = profile.delete("key-1", UUID.randomUUID(), Clock.fixed(now, ZoneOffset.UTC)).orElseThrow();
        uow.run(() -> profiles.markDeleted(profile, event));

        assertThat(profiles.findVisible(profile.id(), now)).isEmpty();
        assertThat(deletedAt(profile.id())).isEqualTo(now);
        assertThat(events(profile.id())).containsExactly(ProfileEvent.DELETED + " by key-1 at " + now);

        // a second deletion from a copy read before the first: the first one's time and its single event stay
        Instant later = now.plusSeconds(5);
        ProfileEvent second = stale.delete("key-2", UUID.randomUUID(), Clock.fixed(later, ZoneOffset.UTC)).orElseThrow();
        uow.run(() -> profiles.markDeleted(stale, second));
        assertThat(deletedAt(profile.id())).isEqualTo(now);
        assertThat(events(profile.id())).hasSize(1);
    }

    @Test
    void pagesAreNewestFirstWithTheTotal() {
        String owner = unique("owner");
        Instant t = now().minusSeconds(100);
        List<Profile> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) written.add(profile(owner, t.plusSeconds(i)));
        written.add(profile(owner, t.plusSeconds(4)));   // same time as the newest: the id decides
        written.add(profile(owner, t.plusSeconds(2)));
        uow.run(() -> profiles.insertAll(written));
        List<UUID> newestFirst = written.stream().sorted(OLDEST_FIRST.reversed()).map(Profile::id).toList();

        ProfileFilter mine = ProfileFilter.all().ownedBy(owner);
        List<UUID> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            Page<Profile> result = profiles.findVisible(mine, new PageRequest(page, 2), now());
            assertThat(result.total()).isEqualTo(7);
            assertThat(result.page()).isEqualTo(page);
            assertThat(result.limit()).isEqualTo(2);
            assertThat(result.items()).hasSizeLessThanOrEqualTo(2);
            result.items().forEach(profile -> paged.add(profile.id()));
        }
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        assertThat(profiles.findVisible(mine, new PageRequest(5, 2), now()).items()).isEmpty();
    }

    @Test
    void withoutAnOwnerTheFilterSeesEveryOwnerNewestFirst() {
        // a window decades in the past that no other test writes into
        Instant t = Instant.parse("1992-01-01T00:00:00Z").plus(Duration.ofMinutes(randomMinutes()));
        Profile mine = profile(unique("owner"), t);
        Profile theirs = profile(unique("owner"), t.plusMillis(1));
        uow.run(() -> profiles.insertAll(List.of(mine, theirs)));
        ProfileFilter window = new ProfileFilter(t, t.plusMillis(2), null);

        Page<Profile> page = profiles.findVisible(window, new PageRequest(1, 10), now());
        assertThat(page.items()).extracting(Profile::id).containsExactly(theirs.id(), mine.id());
        assertThat(page.total()).isEqualTo(2);
        assertThat(profiles.countVisible(window, now())).isEqualTo(2);
        assertThat(profiles.countVisible(ProfileFilter.all(), now())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void filtersBoundTheCreationTimeAndTheOwner() {
        String owner = unique("owner");
        String other = unique("other");
        Instant t = now().minusSeconds(1000);
        Profile before = profile(owner, t.minusMillis(1));
        Profile atStart = profile(owner, t);
        Profile inside = profile(owner, t.plusSeconds(5));
        Profile atEnd = profile(owner, t.plusSeconds(10));
        Profile othersInside = profile(other, t.plusSeconds(5));
        uow.run(() -> profiles.insertAll(List.of(before, atStart, inside, atEnd, othersInside)));
        Instant now = now();

        ProfileFilter window = new ProfileFilter(t, t.plusSeconds(10), owner);
        assertThat(profiles.findVisible(window, new PageRequest(1, 10), now).items()).extracting(Profile::id)
                .as("created_after inclusive, created_before exclusive").containsExactly(inside.id(), atStart.id());
        assertThat(profiles.countVisible(window, now)).isEqualTo(2);
        assertThat(streamed(window, now)).extracting(Profile::id).containsExactly(atStart.id(), inside.id());

        ProfileFilter from = new ProfileFilter(t.plusSeconds(5), null, owner);
        assertThat(profiles.findVisible(from, new PageRequest(1, 10), now).items()).extracting(Profile::id)
                .containsExactly(atEnd.id(), inside.id());
        ProfileFilter until = new ProfileFilter(null, t.plusSeconds(5), owner);
        assertThat(profiles.countVisible(until, now)).isEqualTo(2);
        assertThat(streamed(until, now)).extracting(Profile::id).containsExactly(before.id(), atStart.id());

        ProfileFilter anyOwner = new ProfileFilter(t.plusSeconds(5), t.plusSeconds(5).plusNanos(1000), null);
        assertThat(profiles.findVisible(anyOwner, new PageRequest(1, 100), now).items()).extracting(Profile::id)
                .contains(inside.id(), othersInside.id()).doesNotContain(atStart.id(), atEnd.id());
        assertThat(profiles.countVisible(ProfileFilter.all().ownedBy(other), now)).isEqualTo(1);
    }

    @Test
    void purgingRemovesExpiredProfilesWithTheirEventsUpToTheLimit() throws SQLException {
        // decades in the past, so no other test's expired profile is due in this purge
        Instant base = Instant.parse("1991-01-01T00:00:00Z").plus(Duration.ofMinutes(randomMinutes()));
        String owner = unique("owner");
        Profile first = expiring(owner, base.minusSeconds(100), base.minusSeconds(3));
        Profile second = expiring(owner, base.minusSeconds(100), base.minusSeconds(2));
        Profile third = expiring(owner, base.minusSeconds(100), base.minusSeconds(1));
        Profile notYet = expiring(owner, base.minusSeconds(100), base.plusSeconds(1));
        uow.run(() -> profiles.insertAll(List.of(first, second, third, notYet)));
        ProfileEvent event = first.delete("key-1", UUID.randomUUID(), Clock.fixed(base.minusSeconds(50), ZoneOffset.UTC))
                .orElseThrow();
        uow.run(() -> profiles.markDeleted(first, event));

        assertThat(uow.inTransaction(() -> profiles.purgeExpired(base, 2))).isEqualTo(2);
        assertThat(exists(first.id())).isFalse();
        assertThat(exists(second.id())).isFalse();
        assertThat(events(first.id())).isEmpty();
        assertThat(uow.inTransaction(() -> profiles.purgeExpired(base, 2))).isEqualTo(1);
        assertThat(exists(third.id())).isFalse();
        assertThat(uow.inTransaction(() -> profiles.purgeExpired(base, 2))).isZero();
        assertThat(exists(notYet.id())).isTrue();
        assertThat(uow.inTransaction(() -> profiles.purgeExpired(base, 0))).isZero();
    }

    /** 20,000 rows through the cursor, oldest first; invisible ones in between are skipped. */
    @Test
    void streamingHandsEveryVisibleMatchToTheSinkOldestFirst() {
        String owner = unique("owner");
        Instant t = now().minus(Duration.ofDays(1));
        Instant now = now();
        List<Profile> visible = new ArrayList<>(STREAMED);
        List<Profile> batch = new ArrayList<>();
        for (int i = 0; i < STREAMED; i++) {
            Instant createdAt = t.plusMillis(i / 2);   // pairs share a time: the id orders them
            Profile profile = profile(owner, createdAt);
            visible.add(profile);
            batch.add(profile);
            if (i % 400 == 0) {
                batch.add(expiring(owner, createdAt, now.minusSeconds(1)));
                batch.add(deleted(owner, createdAt, now.minusSeconds(1)));
            }
            if (batch.size() >= 2_000) {
                List<Profile> chunk = List.copyOf(batch);
                uow.run(() -> profiles.insertAll(chunk));
                batch.clear();
            }
        }
        uow.run(() -> profiles.insertAll(batch));

        List<UUID> seen = new ArrayList<>(STREAMED);
        profiles.forEachVisible(ProfileFilter.all().ownedBy(owner), now, profile -> {
            assertThat(profile.sourceKey()).isEqualTo(owner);
            seen.add(profile.id());
        });

        assertThat(seen).hasSize(STREAMED);
        assertThat(seen).containsExactlyElementsOf(visible.stream().sorted(OLDEST_FIRST).map(Profile::id).toList());
    }

    /** Called inside a unit of work, the stream runs beside it and the unit of work carries on unharmed. */
    @Test
    void streamingInsideATransactionLeavesTheTransactionUsable() {
        String owner = unique("owner");
        Instant now = now();
        Profile first = profile(owner, now.minusSeconds(2));
        uow.run(() -> profiles.insertAll(List.of(first)));
        Profile second = profile(owner, now.minusSeconds(1));

        List<UUID> seen = uow.inTransaction(() -> {
            profiles.insertAll(List.of(second));   // not committed yet: the stream does not see it
            List<UUID> ids = new ArrayList<>();
            profiles.forEachVisible(ProfileFilter.all().ownedBy(owner), now, profile -> ids.add(profile.id()));
            return ids;
        });

        assertThat(seen).containsExactly(first.id());
        assertThat(streamed(ProfileFilter.all().ownedBy(owner), now)).extracting(Profile::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void aFailingSinkStopsTheStreamAndReachesTheCaller() {
        String owner = unique("owner");
        Instant now = now();
        uow.run(() -> profiles.insertAll(List.of(profile(owner, now.minusSeconds(2)), profile(owner, now.minusSeconds(1)))));
        List<UUID> seen = new ArrayList<>();

        assertThatThrownBy(() -> profiles.forEachVisible(ProfileFilter.all().ownedBy(owner), now, profile -> {
            seen.add(profile.id());
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(seen).hasSize(1);
        assertThat(streamed(ProfileFilter.all().ownedBy(owner), now)).hasSize(2);   // the connection went back clean
    }

    private List<Profile> streamed(ProfileFilter filter, Instant now) {
        List<Profile> seen = new ArrayList<>();
        profiles.forEachVisible(filter, now, seen::add);
        return seen;
    }

    private Instant deletedAt(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select deleted_at from profiles where id = ?")) {
            query.setObject(1, id);
            ResultSet row = query.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private boolean exists(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from profiles where id = ?")) {
            query.setObject(1, id);
            ResultSet row = query.executeQuery();
            row.next();
            return row.getLong(1) == 1;
        }
    }

    /** The profile's events as "type by actor at time". */
    private List<String> events(UUID profileId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select type, actor_key, occurred_at from profile_events where profile_id = ? order by occurred_at")) {
            query.setObject(1, profileId);
            ResultSet rows = query.executeQuery();
            List<String> events = new ArrayList<>();
            while (rows.next()) {
                events.add(rows.getString(1) + " by " + rows.getString(2) + " at "
                        + rows.getObject(3, OffsetDateTime.class).toInstant());
            }
            return events;
        }
    }

    private static long randomMinutes() {
        return Math.abs(UUID.randomUUID().getLeastSignificantBits() % 500_000);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
