package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.ExportStatus;
import dev.hexcore.domain.profile.ProfileFilter;
import java.util.Locale;

/** Copies between {@link Export} and {@link ExportEntity}. */
final class ExportMapper {
    private ExportMapper() {
    }

    static Export toDomain(ExportEntity e) {
        ProfileFilter filter = e.profileId != null ? null
                : new ProfileFilter(e.createdAfter, e.createdBefore, e.sourceKey);
        return Export.restore(e.id, e.ownerKey, ExportFormat.valueOf(e.format.toUpperCase(Locale.ROOT)), e.profileId,
                filter, e.requestedAt, ExportStatus.valueOf(e.status.toUpperCase(Locale.ROOT)), e.progressDone,
                e.progressTotal, e.error, e.attempts, e.startedAt, e.completedAt, e.path, e.sizeBytes);
    }

    /** Writes every column of {@code export} into {@code e} (a new or a managed entity). */
    static void copy(Export export, ExportEntity e) {
        e.id = export.id();
        e.ownerKey = export.ownerKey();
        e.format = export.format().code();
        e.status = export.status().code();
        e.profileId = export.profileId();
        ProfileFilter filter = export.filter();
        e.createdAfter = filter == null ? null : filter.createdAfter();
        e.createdBefore = filter == null ? null : filter.createdBefore();
        e.sourceKey = filter == null ? null : filter.sourceKey();
        e.progressDone = export.progressDone();
        e.progressTotal = export.progressTotal();
        e.error = export.error();
        e.attempts = export.attempts();
        e.path = export.fileKey();
        e.sizeBytes = export.sizeBytes();
        e.requestedAt = export.requestedAt();
        e.startedAt = export.startedAt();
        e.completedAt = export.completedAt();
    }
}
