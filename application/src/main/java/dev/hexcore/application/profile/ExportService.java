package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.JobQueue.ClaimedJob;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.ExportRepository;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Exports: a request stores the export row and its job in one transaction (outbox); a worker on any replica claims
 * the job, writes the file through {@link FileStorage} with no transaction open, and records the outcome only while
 * it still holds the job's claim. A failed attempt is retried with exponential backoff and jitter; the last failure is
 * visible on the export.
 */
public final class ExportService implements ExportsUseCase, RunExportJobsUseCase, CleanUpExportFilesUseCase {
    public static final String JOB_TYPE = "profile-export";
    private static final System.Logger LOG = System.getLogger(ExportService.class.getName());
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final int CLEANUP_BATCH = 100;

    private final ExportRepository exports;
    private final ProfileRepository profiles;
    private final JobQueue jobs;
    private final FileStorage storage;
    private final Map<ExportFormat, ProfileDocumentWriter> writers = new EnumMap<>(ExportFormat.class);
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;
    private final RandomGenerator random;
    private final ExportSettings settings;

    public ExportService(ExportRepository exports, ProfileRepository profiles, JobQueue jobs, FileStorage storage,
                         List<ProfileDocumentWriter> writers, UnitOfWork uow, Clock clock, IdGenerator ids,
                         RandomGenerator random, ExportSettings settings) {
        this.exports = exports;
        this.profiles = profiles;
        this.jobs = jobs;
        this.storage = storage;
        writers.forEach(w -> this.writers.put(w.format(), w));
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
        this.settings = settings;
    }

    @Override
    public Export request(Actor actor, RequestExportCommand command) {
        ProfileAccess.requireExports(actor);
        List<FieldError> errors = new ArrayList<>();
        ExportFormat format = null;
        try {
            format = ExportFormat.parse(command.format());
        } catch (InvalidValueException e) {
            errors.addAll(e.errors());
        }
        if ((command.profileId() == null) == (command.filter() == null)) {
            errors.add(new FieldError("profile_id", "give either profile_id or filter, not both and not neither"));
        }
        if (format != null && !writers.containsKey(format)) errors.add(new FieldError("format", "is not available"));
        if (!errors.isEmpty()) throw new InvalidValueException(errors);

        Instant now = clock.instant();
        String owner = ProfileAccess.ownerKey(actor);
        Export export;
        if (command.profileId() != null) {
            profiles.findVisible(command.profileId(), now)
                    .filter(p -> ProfileAccess.canSee(actor, p.sourceKey()))
                    .orElseThrow(() -> new NotFoundException("Profile"));
            export = Export.ofProfile(ids.next(), owner, format, command.profileId(), now);
        } else {
            ProfileFilter scoped = ProfileService.scope(actor, command.filter());
            if (scoped == null) throw new InvalidValueException("filter.source_key", "only your own profiles can be exported");
            if (format == ExportFormat.PDF) checkPdfSize(profiles.countVisible(scoped, now));
            export = Export.ofFilter(ids.next(), owner, format, scoped, now);
        }
        uow.run(() -> {
            exports.save(export);
            jobs.enqueue(new JobQueue.NewJob(JOB_TYPE, export.id(), now, settings.maxAttempts()));
        });
        return export;
    }

    private void checkPdfSize(long matching) {
        if (matching == 0) throw new InvalidValueException("filter", "no profiles match, and a PDF needs at least one");
        if (matching > settings.pdfMaxProfiles()) {
            throw new InvalidValueException("filter", matching + " profiles match; a PDF export holds at most "
                    + settings.pdfMaxProfiles() + " (use format json for more)");
        }
    }

    @Override
    public Export get(Actor actor, UUID exportId) {
        ProfileAccess.requireExports(actor);
        return exports.findById(exportId)
                .filter(e -> ProfileAccess.canSee(actor, e.ownerKey()))
                .orElseThrow(() -> new NotFoundException("Export"));
    }

    @Override
    public ExportFile download(Actor actor, UUID exportId) {
        Export export = get(actor, exportId);
        switch (export.status()) {
            case PENDING, RUNNING -> throw new ConflictException("EXPORT_NOT_READY",
                    "The export is still " + export.status().code() + "; try again when its status is succeeded");
            case FAILED -> throw new ConflictException("EXPORT_FAILED", "The export failed: " + export.error());
            case EXPIRED -> throw fileRemoved();
            case SUCCEEDED -> { }
        }
        try {
            Optional<InputStream> content = storage.open(export.fileKey());
            return content.map(in -> new ExportFile(export.fileName(), export.format().contentType(),
                            export.sizeBytes() == null ? -1 : export.sizeBytes(), in))
                    .orElseThrow(ExportService::fileRemoved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file is gone: cleaned up by retention, or removed from storage by hand. */
    private static ConflictException fileRemoved() {
        return new ConflictException("EXPORT_EXPIRED", "The export's file has been removed; request a new export");
    }

    @Override
    public boolean runNext() {
        Optional<ClaimedJob> claimed = jobs.claim(Set.of(JOB_TYPE), settings.lease(), clock.instant());
        if (claimed.isEmpty()) return false;
        ClaimedJob job = claimed.get();
        Export export = exports.findById(job.subjectId()).orElse(null);
        if (export == null || export.isFinished()) {
            uow.run(() -> jobs.complete(job, clock.instant()));
            return true;
        }
        if (job.attempt() > job.maxAttempts()) {
            finishFailed(job, export, export.error() != null ? export.error() : "The export ran out of attempts");
            return true;
        }
        uow.run(() -> {
            export.start(clock.instant());
            exports.save(export);
        });
        try {
            String key = "exports/" + export.id() + "." + export.format().extension();
            long size = storage.write(key, out -> render(export, job, out));
            uow.run(() -> {
                Instant now = clock.instant();
                if (!jobs.complete(job, now)) return;
                export.succeed(key, size, now);
                exports.save(export);
            });
        } catch (LostClaim e) {
            LOG.log(System.Logger.Level.WARNING, "Export {0}: another worker took the job over; stopping", export.id());
        } catch (RuntimeException | IOException e) {
            handleFailure(job, export, e);
        }
        return true;
    }

    private void render(Export export, ClaimedJob job, java.io.OutputStream out) throws IOException {
        Instant snapshot = export.startedAt();
        try (ProfileDocumentWriter.Session session = writers.get(export.format()).open(out)) {
            if (export.profileId() != null) {
                Profile profile = profiles.findVisible(export.profileId(), snapshot)
                        .orElseThrow(() -> new PermanentFailure("The profile no longer exists"));
                session.write(profile);
                export.progress(1, 1);
                return;
            }
            long total = profiles.countVisible(export.filter(), snapshot);
            Progress progress = new Progress(export, job, total);
            try {
                profiles.forEachVisible(export.filter(), snapshot, profile -> {
                    try {
                        session.write(profile);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progress.advance();
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Saves progress and renews the lease at most once a second while a long export runs. */
    private final class Progress {
        private final Export export;
        private final ClaimedJob job;
        private final long total;
        private long done;
        private Instant lastReport;

        Progress(Export export, ClaimedJob job, long total) {
            this.export = export;
            this.job = job;
            this.total = total;
            this.lastReport = clock.instant();
            report();
        }

        void advance() {
            done++;
            Instant now = clock.instant();
            if (Duration.between(lastReport, now).compareTo(PROGRESS_EVERY) >= 0) {
                lastReport = now;
                report();
            }
        }

        private void report() {
            if (!jobs.renewLease(job, settings.lease(), clock.instant())) throw new LostClaim();
            export.progress(done, Math.max(total, done));
            uow.run(() -> exports.save(export));
        }
    }

    private void handleFailure(ClaimedJob job, Export export, Exception e) {
        String reason = e instanceof DomainException ? e.getMessage()
                : "The export file could not be written (" + e.getClass().getSimpleName() + ")";
        LOG.log(System.Logger.Level.WARNING, "Export " + export.id() + " attempt " + job.attempt() + " failed", e);
        if (e instanceof PermanentFailure || job.isLastAttempt()) {
            finishFailed(job, export, reason);
            return;
        }
        Instant now = clock.instant();
        Instant runAt = now.plus(backoff(job.attempt()));
        uow.run(() -> {
            if (!jobs.retryAt(job, runAt, reason, now)) return;
            export.retryLater(reason);
            exports.save(export);
        });
    }

    private void finishFailed(ClaimedJob job, Export export, String reason) {
        uow.run(() -> {
            Instant now = clock.instant();
            if (!jobs.fail(job, reason, now)) return;
            export.fail(reason, now);
            exports.save(export);
        });
    }

    /** retryBackoff · 2^(attempt−1), capped, with up to 20 % jitter so replicas do not retry in step. */
    Duration backoff(int attempt) {
        long base = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped + (long) (random.nextDouble() * capped * 0.2));
    }

    @Override
    public int cleanUp() {
        Instant before = clock.instant().minus(settings.fileRetention());
        int removed = 0;
        List<Export> batch;
        do {
            batch = exports.findSucceededBefore(before, CLEANUP_BATCH);
            for (Export export : batch) {
                try {
                    storage.delete(export.fileKey());
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not delete the file of export " + export.id(), e);
                    return removed;
                }
                export.expire();
                uow.run(() -> exports.save(export));
                removed++;
            }
        } while (batch.size() == CLEANUP_BATCH);
        return removed;
    }

    /** A failure no retry can fix. */
    private static final class PermanentFailure extends DomainException {
        PermanentFailure(String message) {
            super("EXPORT_FAILED", message);
        }
    }

    /** The job's lease was taken over by another worker: stop without touching the export. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super(null, null, false, false);
        }
    }
}
