package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ProfileFilter;
import java.io.InputStream;
import java.util.UUID;

/** Seed 001's /exports: request an export (run by a background job), follow it, download the file. */
public interface ExportsUseCase {
    /** Exactly one of {@code profileId} and {@code filter}; {@code format} is "json" or "pdf". */
    record RequestExportCommand(UUID profileId, ProfileFilter filter, String format) {
    }

    /** An open stored file; the caller closes {@code content}. */
    record ExportFile(String fileName, String contentType, long size, InputStream content) {
    }

    Export request(Actor actor, RequestExportCommand command);

    Export get(Actor actor, UUID exportId);

    /** The finished file; 409 (EXPORT_NOT_READY, EXPORT_FAILED, EXPORT_EXPIRED) while there is none to give. */
    ExportFile download(Actor actor, UUID exportId);
}
