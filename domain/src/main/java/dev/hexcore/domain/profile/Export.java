package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.ConflictException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An export of one profile ({@code profileId}) or of every visible profile matching {@code filter}, owned by the key
 * or user that asked for it. The file itself lives in storage under {@code fileKey} once it succeeded.
 */
public final class Export {
    /** The code of a transition its current status does not allow. */
    public static final String TRANSITION_NOT_ALLOWED = "EXPORT_TRANSITION_NOT_ALLOWED";

    private final UUID id;
    private final String ownerKey;
    private final ExportFormat format;
    private final UUID profileId;
    private final ProfileFilter filter;
    private final Instant requestedAt;
    private ExportStatus status;
    private long progressDone;
    private long progressTotal;
    private String error;
    private int attempts;
    private Instant startedAt;
    private Instant completedAt;
    private String fileKey;
    private Long sizeBytes;

    private Export(UUID id, String ownerKey, ExportFormat format, UUID profileId, ProfileFilter filter, Instant requestedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerKey = Objects.requireNonNull(ownerKey, "ownerKey");
        this.format = Objects.requireNonNull(format, "format");
        this.profileId = profileId;
        this.filter = filter;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        if ((profileId == null) == (filter == null)) throw new IllegalArgumentException("exactly one of profileId and filter");
        this.status = ExportStatus.PENDING;
    }

    public static Export ofProfile(UUID id, String ownerKey, ExportFormat format, UUID profileId, Instant now) {
        return new Export(id, ownerKey, format, profileId, null, now);
    }

    public static Export ofFilter(UUID id, String ownerKey, ExportFormat format, ProfileFilter filter, Instant now) {
        return new Export(id, ownerKey, format, null, filter, now);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public static Export restore(UUID id, String ownerKey, ExportFormat format, UUID profileId, ProfileFilter filter,
                                 Instant requestedAt, ExportStatus status, long progressDone, long progressTotal,
                                 String error, int attempts, Instant startedAt, Instant completedAt, String fileKey,
                                 Long sizeBytes) {
        Export export = new Export(id, ownerKey, format, profileId, filter, requestedAt);
        export.status = status;
        export.progressDone = progressDone;
        export.progressTotal = progressTotal;
        export.error = error;
        export.attempts = attempts;
        export.startedAt = startedAt;
        export.completedAt = completedAt;
        export.fileKey = fileKey;
        export.sizeBytes = sizeBytes;
        return export;
    }

    /** A worker picked it up (again, after a failed attempt or a crashed worker). */
    public void start(Instant now) {
        if (isFinished()) throw new ConflictException("EXPORT_FINISHED", "Export " + id + " has already finished");
        status = ExportStatus.RUNNING;
        attempts++;
        startedAt = now;
        progressDone = 0;
        error = null;
    }

    public void progress(long done, long total) {
        progressDone = done;
        progressTotal = total;
    }

    /** The file is written: only a running export succeeds. */
    public void succeed(String storedFileKey, long size, Instant now) {
        requireStatus("succeed", ExportStatus.RUNNING);
        status = ExportStatus.SUCCEEDED;
        fileKey = storedFileKey;
        sizeBytes = size;
        completedAt = now;
        progressDone = progressTotal;
        error = null;
    }

    /** A failed attempt that will be retried: back to pending, the error kept so a caller can see why. */
    public void retryLater(String reason) {
        status = ExportStatus.PENDING;
        error = reason;
    }

    /** Given up: a running export, or a pending one whose attempts ran out (a worker crashed mid-run). */
    public void fail(String reason, Instant now) {
        requireStatus("fail", ExportStatus.PENDING, ExportStatus.RUNNING);
        status = ExportStatus.FAILED;
        error = reason;
        completedAt = now;
    }

    /** The file was removed by retention; the export stays listed, without a download. */
    public void expire() {
        requireStatus("expire", ExportStatus.SUCCEEDED);
        status = ExportStatus.EXPIRED;
        fileKey = null;
    }

    private void requireStatus(String transition, ExportStatus... allowed) {
        for (ExportStatus from : allowed) {
            if (status == from) return;
        }
        throw new ConflictException(TRANSITION_NOT_ALLOWED, "Export " + id + " cannot " + transition + " when "
                + status.code());
    }

    public boolean isFinished() {
        return status == ExportStatus.SUCCEEDED || status == ExportStatus.FAILED || status == ExportStatus.EXPIRED;
    }

    /** The download name: {@code profiles-<id>.json} or {@code profile-<profileId>.pdf}. */
    public String fileName() {
        return (profileId != null ? "profile-" + profileId : "profiles-" + id) + "." + format.extension();
    }

    /** Progress in percent, 0–100. */
    public int percent() {
        if (status == ExportStatus.SUCCEEDED) return 100;
        if (progressTotal <= 0) return 0;
        return (int) Math.min(99, progressDone * 100 / progressTotal);
    }

    public UUID id() { return id; }
    public String ownerKey() { return ownerKey; }
    public ExportFormat format() { return format; }
    public UUID profileId() { return profileId; }
    public ProfileFilter filter() { return filter; }
    public Instant requestedAt() { return requestedAt; }
    public ExportStatus status() { return status; }
    public long progressDone() { return progressDone; }
    public long progressTotal() { return progressTotal; }
    public String error() { return error; }
    public int attempts() { return attempts; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public String fileKey() { return fileKey; }
    public Long sizeBytes() { return sizeBytes; }
}
