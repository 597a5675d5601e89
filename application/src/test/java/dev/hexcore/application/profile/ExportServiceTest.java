package dev.hexcore.application.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.profile.ExportsUseCase.ExportFile;
import dev.hexcore.application.profile.ExportsUseCase.RequestExportCommand;
import dev.hexcore.application.profile.fakes.InMemoryExportRepository;
import dev.hexcore.application.profile.fakes.InMemoryFileStorage;
import dev.hexcore.application.profile.fakes.InMemoryJobQueue;
import dev.hexcore.application.profile.fakes.InMemoryProfileRepository;
import dev.hexcore.application.profile.fakes.LineWriter;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.ExportStatus;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import dev.hexcore.domain.testing.SamplePeople;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportServiceTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor KEY = Actor.apiKey(UUID.fromString("0195a1b2-0000-7000-8000-00000000000a"), Set.of(ApiKeyScope.EXPORTS));
    private static final Actor OTHER_KEY = Actor.apiKey(UUID.fromString("0195a1b2-0000-7000-8000-00000000000b"), Set.of(ApiKeyScope.EXPORTS));
    private static final Actor ADMIN = Actor.user(UUID.fromString("0195a1b2-0000-7000-8000-0000000000ad"), Set.of(Role.ADMIN));
    private static final ExportSettings SETTINGS = new ExportSettings(3, Duration.ofMinutes(2), Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofDays(7), 3);

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryProfileRepository profiles;
    private InMemoryExportRepository exports;
    private InMemoryJobQueue jobs;
    private InMemoryFileStorage storage;
    private LineWriter json;
    private ExportService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        uow = new FakeUnitOfWork();
        profiles = new InMemoryProfileRepository(uow);
        exports = new InMemoryExportRepository(uow);
        jobs = new InMemoryJobQueue(uow);
        storage = new InMemoryFileStorage();
        json = new LineWriter(ExportFormat.JSON);
        service = new ExportService(exports, profiles, jobs, storage, List.of(json, new LineWriter(ExportFormat.PDF)), uow,
                clock, new UuidV7Generator(clock, new SplittableRandom(1)), new SplittableRandom(2), SETTINGS);
    }

    private Profile stored(Actor owner, String name) {
        Profile profile = Profile.create(UUID.randomUUID(), SamplePeople.person(name), owner.id().toString(), clock.instant(), null);
        uow.run(() -> profiles.insertAll(List.of(profile)));
        clock.advance(Duration.ofSeconds(1));
        return profile;
    }

    private String contentOf(Actor actor, UUID exportId) throws IOException {
        ExportFile file = service.download(actor, exportId);
        try (var in = file.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_requested_export_is_stored_with_its_job_and_runs_to_a_downloadable_file() throws IOException {
        Profile profile = stored(KEY, "Иванов");

        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));

        assertThat(export.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(exports.findById(export.id())).isPresent();
        assertThat(jobs.forSubject(export.id())).get().extracting(InMemoryJobQueue.Job::type).isEqualTo(ExportService.JOB_TYPE);
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.download(KEY, export.id()))
                .satisfies(e -> assertThat(e.code()).isEqualTo("EXPORT_NOT_READY"));

        assertThat(service.runNext()).isTrue();
        assertThat(service.runNext()).isFalse();

        Export done = service.get(KEY, export.id());
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.progressDone()).isEqualTo(1);
        assertThat(done.progressTotal()).isEqualTo(1);
        assertThat(done.completedAt()).isNotNull();
        ExportFile file = service.download(KEY, export.id());
        assertThat(file.contentType()).isEqualTo("application/json");
        assertThat(file.fileName()).isEqualTo("profile-" + profile.id() + ".json");
        assertThat(contentOf(KEY, export.id())).isEqualTo(profile.id() + "\n");
        assertThat(file.size()).isEqualTo((profile.id() + "\n").length());
        assertThat(jobs.forSubject(export.id())).get().extracting(InMemoryJobQueue.Job::status).isEqualTo(InMemoryJobQueue.Status.SUCCEEDED);
    }

    @Test
    void a_filter_export_holds_the_callers_visible_profiles_oldest_first() throws IOException {
        Profile first = stored(KEY, "Первый");
        Profile second = stored(KEY, "Второй");
        Profile deleted = stored(KEY, "Удалённый");
        uow.run(() -> deleted.delete("x", UUID.randomUUID(), clock).ifPresent(e -> profiles.markDeleted(deleted, e)));
        stored(OTHER_KEY, "Чужой");

        Export export = service.request(KEY, new RequestExportCommand(null, ProfileFilter.all(), "json"));
        assertThat(export.filter().sourceKey()).isEqualTo(KEY.id().toString());
        service.runNext();

        assertThat(contentOf(KEY, export.id())).isEqualTo(first.id() + "\n" + second.id() + "\n");
        assertThat(service.get(KEY, export.id()).progressTotal()).isEqualTo(2);
    }

    @Test
    void an_admin_exports_everyones_profiles_or_one_source() throws IOException {
        Profile mine = stored(KEY, "Мой");
        Profile theirs = stored(OTHER_KEY, "Чужой");

        Export all = service.request(ADMIN, new RequestExportCommand(null, ProfileFilter.all(), "json"));
        Export one = service.request(ADMIN, new RequestExportCommand(null, new ProfileFilter(null, null, OTHER_KEY.id().toString()), "json"));
        service.runNext();
        service.runNext();

        assertThat(contentOf(ADMIN, all.id())).isEqualTo(mine.id() + "\n" + theirs.id() + "\n");
        assertThat(contentOf(ADMIN, one.id())).isEqualTo(theirs.id() + "\n");
    }

    @Test
    void others_profiles_and_exports_are_not_found() {
        Profile theirs = stored(OTHER_KEY, "Чужой");
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(theirs.id(), null, "pdf")));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> service.request(KEY,
                new RequestExportCommand(null, new ProfileFilter(null, null, OTHER_KEY.id().toString()), "json")));

        Export export = service.request(OTHER_KEY, new RequestExportCommand(theirs.id(), null, "pdf"));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(KEY, export.id()));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.download(KEY, export.id()));
        assertThat(service.get(ADMIN, export.id()).id()).isEqualTo(export.id());
    }

    @Test
    void an_api_key_needs_the_exports_scope() {
        Actor reader = Actor.apiKey(UUID.randomUUID(), Set.of(ApiKeyScope.PROFILES_READ));
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> service.request(reader, new RequestExportCommand(null, ProfileFilter.all(), "json")));
    }

    @Test
    void bad_requests_report_every_field_and_store_nothing() {
        Profile profile = stored(KEY, "Иванов");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(profile.id(), ProfileFilter.all(), "xml")))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactlyInAnyOrder("format", "profile_id"));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(null, null, "json")));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(null, ProfileFilter.all(), null)));
        assertThat(jobs.size()).isZero();
    }

    @Test
    void a_pdf_of_a_filter_needs_between_one_and_the_configured_most_profiles() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(null, ProfileFilter.all(), "pdf")))
                .withMessageContaining("no profiles match");
        IntStream.range(0, 4).forEach(i -> stored(KEY, "П" + i));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> service.request(KEY, new RequestExportCommand(null, ProfileFilter.all(), "pdf")))
                .withMessageContaining("4 profiles match");
        assertThat(jobs.size()).isZero();
    }

    @Test
    void a_failing_export_retries_with_backoff_then_fails_visibly_without_leaking_internals() {
        Profile profile = stored(KEY, "Иванов");
        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));
        json.failNext(3);

        service.runNext();
        Export retrying = service.get(KEY, export.id());
        assertThat(retrying.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(retrying.error()).contains("could not be written").doesNotContain("/secret/path");
        assertThat(service.runNext()).as("not due before the backoff").isFalse();

        clock.advance(Duration.ofSeconds(7));
        service.runNext();
        clock.advance(Duration.ofSeconds(13));
        service.runNext();

        Export failed = service.get(KEY, export.id());
        assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(storage.files()).isEmpty();
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.download(KEY, export.id()))
                .satisfies(e -> assertThat(e.code()).isEqualTo("EXPORT_FAILED"));
        assertThat(jobs.forSubject(export.id())).get().extracting(InMemoryJobQueue.Job::status).isEqualTo(InMemoryJobQueue.Status.FAILED);
    }

    @Test
    void a_failed_attempt_followed_by_a_good_one_succeeds() throws IOException {
        Profile profile = stored(KEY, "Иванов");
        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));
        json.failNext(1);
        service.runNext();
        clock.advance(Duration.ofMinutes(1));
        service.runNext();

        Export done = service.get(KEY, export.id());
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.error()).isNull();
        assertThat(contentOf(KEY, export.id())).isEqualTo(profile.id() + "\n");
    }

    @Test
    void an_export_of_a_profile_deleted_meanwhile_fails_at_once() {
        Profile profile = stored(KEY, "Иванов");
        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));
        uow.run(() -> profile.delete("x", UUID.randomUUID(), clock).ifPresent(e -> profiles.markDeleted(profile, e)));

        service.runNext();

        Export failed = service.get(KEY, export.id());
        assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.error()).isEqualTo("The profile no longer exists");
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void a_worker_that_lost_its_lease_does_not_record_a_result() {
        Profile profile = stored(KEY, "Иванов");
        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));
        json.beforeEachWrite(p -> {
            clock.advance(Duration.ofMinutes(3));
            assertThat(jobs.claim(Set.of(ExportService.JOB_TYPE), Duration.ofMinutes(2), clock.instant())).isPresent();
        });

        service.runNext();

        assertThat(service.get(KEY, export.id()).status()).isEqualTo(ExportStatus.RUNNING);
        assertThat(jobs.forSubject(export.id())).get().extracting(InMemoryJobQueue.Job::attempts).isEqualTo(2);
    }

    @Test
    void old_files_are_cleaned_up_and_their_exports_expire() {
        Profile profile = stored(KEY, "Иванов");
        Export export = service.request(KEY, new RequestExportCommand(profile.id(), null, "json"));
        service.runNext();
        assertThat(service.cleanUp()).isZero();

        clock.advance(Duration.ofDays(8));
        assertThat(service.cleanUp()).isEqualTo(1);

        assertThat(storage.files()).isEmpty();
        assertThat(service.get(KEY, export.id()).status()).isEqualTo(ExportStatus.EXPIRED);
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.download(KEY, export.id()))
                .satisfies(e -> assertThat(e.code()).isEqualTo("EXPORT_EXPIRED"));
    }

    @Test
    void backoff_doubles_per_attempt_up_to_the_cap_with_bounded_jitter() {
        assertThat(service.backoff(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        assertThat(service.backoff(2)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
        assertThat(service.backoff(30)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
    }
}
