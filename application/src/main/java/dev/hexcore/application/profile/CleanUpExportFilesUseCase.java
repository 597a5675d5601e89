package dev.hexcore.application.profile;

/** Housekeeping run on a schedule: export files older than the retention are deleted; their exports become expired. */
public interface CleanUpExportFilesUseCase {
    /** Returns how many files went. */
    int cleanUp();
}
