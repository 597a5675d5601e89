package dev.hexcore.bootstrap.contract;

import static dev.hexcore.bootstrap.support.Journeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.ExportRepository;
import dev.hexcore.domain.profile.ExportStatus;
import dev.hexcore.domain.profile.ProfileFilter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ExportRepository} on the suite's PostgreSQL, through the domain port. */
@QuarkusTest
class ExportRepositoryContractTest {
    @Inject
    ExportRepository exports;

    @Inject
    UnitOfWork uow;

    @Test
    void aProfileExportReadsBackPending() {
        Instant now = now();
        UUID profileId = UUID.randomUUID();
        Export export = Export.ofProfile(UUID.randomUUID(), unique("owner"), ExportFormat.PDF, profileId, now);
        uow.run(() -> exports.save(export));

        Export read = exports.findById(export.id()).orElseThrow();
        assertThat(read.ownerKey()).isEqualTo(export.ownerKey());
        assertThat(read.format()).isEqualTo(ExportFormat.PDF);
        assertThat(read.profileId()).isEqualTo(profileId);
        assertThat(read.filter()).isNull();
        assertThat(read.requestedAt()).isEqualTo(now);
        assertThat(read.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(read.attempts()).isZero();
        assertThat(read.progressDone()).isZero();
        assertThat(read.progressTotal()).isZero();
        assertThat(read.error()).isNull();
        assertThat(read.startedAt()).isNull();
        assertThat(read.completedAt()).isNull();
        assertThat(read.fileKey()).isNull();
        assertThat(read.sizeBytes()).isNull();
        assertThat(read.fileName()).isEqualTo("profile-" + profileId + ".pdf");
        assertThat(exports.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aFilterExportKeepsItsBounds() {
        Instant now = now();
        String owner = unique("owner");
        ProfileFilter filter = new ProfileFilter(now.minus(Duration.ofDays(7)), now, owner);
        Export bounded = Export.ofFilter(UUID.randomUUID(), owner, ExportFormat.JSON, filter, now);
        Export everything = Export.ofFilter(UUID.randomUUID(), "admin-key", ExportFormat.JSON, ProfileFilter.all(), now);
        uow.run(() -> {
            exports.save(bounded);
            exports.save(everything);
        });

        Export read = exports.findById(bounded.id()).orElseThrow();
        assertThat(read.profileId()).isNull();
        assertThat(read.filter()).isEqualTo(filter);
        assertThat(read.format()).isEqualTo(ExportFormat.JSON);
        assertThat(exports.findById(everything.id()).orElseThrow().filter()).isEqualTo(ProfileFilter.all());
    }

    @Test
    void everyStepOfTheLifecycleIsSaved() {
        Instant t = now();
        Export export = Export.ofFilter(UUID.randomUUID(), unique("owner"), ExportFormat.JSON, ProfileFilter.all(), t);
        uow.run(() -> exports.save(export));

        export.start(t.plusSeconds(1));
        export.progress(500, 2_000);
        uow.run(() -> exports.save(export));
        Export running = exports.findById(export.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(ExportStatus.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.startedAt()).isEqualTo(t.plusSeconds(1));
        assertThat(running.progressDone()).isEqualTo(500);
        assertThat(running.progressTotal()).isEqualTo(2_000);
        assertThat(running.percent()).isEqualTo(25);

        export.retryLater("storage unavailable");
        uow.run(() -> exports.save(export));
        Export retrying = exports.findById(export.id()).orElseThrow();
        assertThat(retrying.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(retrying.error()).isEqualTo("storage unavailable");

        export.start(t.plusSeconds(10));
        export.succeed("exports/" + export.id() + ".json", 123_456L, t.plusSeconds(20));
        uow.run(() -> exports.save(export));
        Export done = exports.findById(export.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.fileKey()).isEqualTo("exports/" + export.id() + ".json");
        assertThat(done.sizeBytes()).isEqualTo(123_456L);
        assertThat(done.completedAt()).isEqualTo(t.plusSeconds(20));
        assertThat(done.error()).isNull();
        assertThat(done.percent()).isEqualTo(100);

        export.expire();
        uow.run(() -> exports.save(export));
        Export expired = exports.findById(export.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(ExportStatus.EXPIRED);
        assertThat(expired.fileKey()).isNull();
    }

    @Test
    void aFailureIsKeptWithItsReason() {
        Instant t = now();
        Export export = Export.ofProfile(UUID.randomUUID(), unique("owner"), ExportFormat.PDF, UUID.randomUUID(), t);
        export.start(t);
        export.fail("profile not found", t.plusSeconds(3));
        uow.run(() -> exports.save(export));

        Export read = exports.findById(export.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(read.error()).isEqualTo("profile not found");
        assertThat(read.completedAt()).isEqualTo(t.plusSeconds(3));
        assertThat(read.isFinished()).isTrue();
    }

    @Test
    void aRolledBackSaveLeavesNothing() {
        Export export = Export.ofProfile(UUID.randomUUID(), unique("owner"), ExportFormat.PDF, UUID.randomUUID(), now());
        assertThatThrownBy(() -> uow.run(() -> {
            exports.save(export);
            throw new IllegalStateException("enqueueing failed");
        })).hasMessage("enqueueing failed");
        assertThat(exports.findById(export.id())).isEmpty();
    }

    /** Retention candidates: succeeded before the cut-off, oldest first, at most the limit. */
    @Test
    void succeededExportsBeforeACutOffComeOldestFirst() {
        // decades in the past, so no other test's export is older than the cut-off
        Instant t = Instant.parse("1993-01-01T00:00:00Z").plus(Duration.ofMinutes(randomMinutes()));
        Export oldest = succeeded(t, t.plusSeconds(1));
        Export older = succeeded(t, t.plusSeconds(2));
        Export recent = succeeded(t, t.plusSeconds(10));
        Export failed = Export.ofProfile(UUID.randomUUID(), "owner", ExportFormat.PDF, UUID.randomUUID(), t);
        failed.start(t);
        failed.fail("broken", t.plusSeconds(1));
        Export pending = Export.ofProfile(UUID.randomUUID(), "owner", ExportFormat.PDF, UUID.randomUUID(), t);
        uow.run(() -> List.of(recent, older, oldest, failed, pending).forEach(exports::save));

        assertThat(exports.findSucceededBefore(t.plusSeconds(10), 10)).extracting(Export::id)
                .containsExactly(oldest.id(), older.id());
        assertThat(exports.findSucceededBefore(t.plusSeconds(10), 1)).extracting(Export::id).containsExactly(oldest.id());
        assertThat(exports.findSucceededBefore(t.plusSeconds(1), 10)).isEmpty();
        assertThat(exports.findSucceededBefore(t.plusSeconds(10), 0)).isEmpty();
    }

    private static Export succeeded(Instant requestedAt, Instant completedAt) {
        Export export = Export.ofProfile(UUID.randomUUID(), "owner", ExportFormat.PDF, UUID.randomUUID(), requestedAt);
        export.start(requestedAt);
        export.succeed("exports/" + export.id() + ".pdf", 10, completedAt);
        return export;
    }

    private static long randomMinutes() {
        return Math.abs(UUID.randomUUID().getLeastSignificantBits() % 500_000);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
