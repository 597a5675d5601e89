package dev.hexcore.application.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.profile.GenerateProfilesUseCase.GenerateProfilesCommand;
import dev.hexcore.application.profile.GenerateProfilesUseCase.GeneratedProfiles;
import dev.hexcore.application.profile.fakes.InMemoryProfileRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.profile.ListPersonaSource;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileEvent;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileGenerator;
import dev.hexcore.domain.profile.ProfileLocale;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.PageRequest;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor WRITER = Actor.apiKey(UUID.fromString("0195a1b2-0000-7000-8000-00000000000a"),
            Set.of(ApiKeyScope.PROFILES_READ, ApiKeyScope.PROFILES_WRITE));
    private static final Actor OTHER = Actor.apiKey(UUID.fromString("0195a1b2-0000-7000-8000-00000000000b"),
            Set.of(ApiKeyScope.PROFILES_WRITE));
    private static final Actor READER = Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.PROFILES_READ));
    private static final Actor ADMIN = Actor.user(UUID.randomUUID(), Set.of(Role.ADMIN));

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryProfileRepository profiles;
    private ProfileService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        uow = new FakeUnitOfWork();
        profiles = new InMemoryProfileRepository(uow);
        service = new ProfileService(new ProfileGenerator(new ListPersonaSource()), profiles, profiles, uow, clock,
                new UuidV7Generator(clock, new SplittableRandom(1)), new SplittableRandom(2));
    }

    private List<Profile> persist(Actor actor, int count) {
        return service.generate(actor, new GenerateProfilesCommand(count, true, null, null, null)).profiles();
    }

    @Test
    void generated_profiles_are_stored_only_when_asked_and_owned_by_the_caller() {
        GeneratedProfiles transientOnes = service.generate(READER, new GenerateProfilesCommand(3, null, null, 5L, null));
        assertThat(transientOnes.persisted()).isFalse();
        assertThat(transientOnes.profiles()).hasSize(3);
        assertThat(profiles.countVisible(ProfileFilter.all(), clock.instant())).isZero();

        GeneratedProfiles stored = service.generate(WRITER, new GenerateProfilesCommand(3, true, "ru", 5L, 3600L));
        assertThat(stored.persisted()).isTrue();
        assertThat(stored.profiles()).allSatisfy(p -> {
            assertThat(p.sourceKey()).isEqualTo(WRITER.id().toString());
            assertThat(p.expiresAt()).isEqualTo(START.plusSeconds(3600));
            assertThat(profiles.findVisible(p.id(), clock.instant())).isPresent();
        });
        assertThat(stored.profiles()).extracting(Profile::payload)
                .isEqualTo(transientOnes.profiles().stream().map(Profile::payload).toList());
    }

    @Test
    void a_missing_seed_is_chosen_and_reported_so_the_batch_can_be_reproduced() {
        GeneratedProfiles first = service.generate(READER, new GenerateProfilesCommand(2, false, "en", null, null));
        GeneratedProfiles again = service.generate(READER, new GenerateProfilesCommand(2, false, "en", first.seed(), null));
        assertThat(first.locale()).isEqualTo(ProfileLocale.EN);
        assertThat(again.profiles()).extracting(Profile::payload).isEqualTo(first.profiles().stream().map(Profile::payload).toList());
    }

    @Test
    void every_bad_field_is_reported_together() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.generate(WRITER, new GenerateProfilesCommand(101, true, "de", null, 10L)))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly("count", "locale", "ttl"));
        for (int count : new int[]{0, -5, 101}) {
            assertThatExceptionOfType(InvalidValueException.class)
                    .isThrownBy(() -> service.generate(WRITER, new GenerateProfilesCommand(count, false, null, null, null)));
        }
        assertThat(service.generate(WRITER, new GenerateProfilesCommand(null, false, null, null, null)).profiles()).hasSize(1);
        assertThat(service.generate(WRITER, new GenerateProfilesCommand(100, false, null, null, null)).profiles()).hasSize(100);
        assertThat(uow.commits()).isZero();
    }

    @Test
    void storing_or_deleting_needs_the_write_scope() {
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> service.generate(READER, new GenerateProfilesCommand(1, true, null, null, null)));
        UUID id = persist(WRITER, 1).get(0).id();
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.delete(READER, id));
        Actor bot = Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.BOT));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.list(bot, null, new PageRequest(1, 20)));
    }

    @Test
    void others_see_nothing_of_a_callers_profiles_but_an_admin_sees_all() {
        Profile mine = persist(WRITER, 1).get(0);
        persist(OTHER, 2);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(OTHER, mine.id()));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.delete(OTHER, mine.id()));
        assertThat(service.list(WRITER, null, new PageRequest(1, 20)).total()).isEqualTo(1);
        assertThat(service.list(OTHER, new ProfileFilter(null, null, WRITER.id().toString()), new PageRequest(1, 20)).total()).isZero();
        assertThat(service.list(ADMIN, null, new PageRequest(1, 20)).total()).isEqualTo(3);
        assertThat(service.list(ADMIN, new ProfileFilter(null, null, WRITER.id().toString()), new PageRequest(1, 20)).items())
                .extracting(ProfileView::id).containsExactly(mine.id());
        assertThat(service.get(ADMIN, mine.id()).id()).isEqualTo(mine.id());
    }

    @Test
    void a_deleted_profile_disappears_and_its_deletion_is_recorded_once() {
        Profile profile = persist(WRITER, 1).get(0);
        clock.advance(Duration.ofMinutes(1));

        service.delete(WRITER, profile.id());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(WRITER, profile.id()));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.delete(WRITER, profile.id()));
        assertThat(profiles.raw(profile.id())).get().extracting(Profile::deletedAt).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(profiles.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProfileEvent.DELETED);
            assertThat(e.profileId()).isEqualTo(profile.id());
            assertThat(e.actorKey()).isEqualTo(WRITER.id().toString());
        });
    }

    @Test
    void expired_profiles_disappear_from_reads_and_are_purged() {
        Profile shortLived = service.generate(WRITER, new GenerateProfilesCommand(1, true, null, null, 60L)).profiles().get(0);
        Profile kept = persist(WRITER, 1).get(0);

        clock.advance(Duration.ofSeconds(61));

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(WRITER, shortLived.id()));
        assertThat(service.list(WRITER, null, new PageRequest(1, 20)).items()).extracting(ProfileView::id).containsExactly(kept.id());
        assertThat(service.purgeExpired()).isEqualTo(1);
        assertThat(profiles.raw(shortLived.id())).isEmpty();
        assertThat(service.purgeExpired()).isZero();
    }

    @Test
    void a_signed_in_user_may_store_and_read_their_own_profiles() {
        Actor user = Actor.user(UUID.randomUUID(), Set.of(Role.USER));
        Profile profile = persist(user, 1).get(0);
        assertThat(profile.sourceKey()).isEqualTo(user.id().toString());
        assertThat(service.get(user, profile.id()).id()).isEqualTo(profile.id());
    }
}
