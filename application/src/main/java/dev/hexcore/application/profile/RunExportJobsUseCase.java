package dev.hexcore.application.profile;

/** The export worker: called by a scheduler on every replica; the job queue makes sure each export runs once. */
public interface RunExportJobsUseCase {
    /** Runs one due export job, if any; true when one was taken. */
    boolean runNext();
}
