package dev.hexcore.application.profile;

/** Housekeeping run on a schedule: profiles past their {@code expires_at} are removed for good. */
public interface PurgeExpiredProfilesUseCase {
    /** Returns how many profiles went. */
    int purgeExpired();
}
