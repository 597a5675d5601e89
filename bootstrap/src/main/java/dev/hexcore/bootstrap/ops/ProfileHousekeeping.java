package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.profile.CleanUpExportFilesUseCase;
import dev.hexcore.application.profile.PurgeExpiredProfilesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Purges expired profiles and removes old export files, on every replica (both are safe to run concurrently). */
@ApplicationScoped
public class ProfileHousekeeping {
    private static final Logger LOG = Logger.getLogger(ProfileHousekeeping.class);
    private final PurgeExpiredProfilesUseCase profiles;
    private final CleanUpExportFilesUseCase exportFiles;

    public ProfileHousekeeping(PurgeExpiredProfilesUseCase profiles, CleanUpExportFilesUseCase exportFiles) {
        this.profiles = profiles;
        this.exportFiles = exportFiles;
    }

    @Scheduled(every = "${hexcore.profiles.housekeeping-interval:10m}", delay = 30,
            delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "profile-housekeeping")
    void run() {
        try {
            int purged = profiles.purgeExpired();
            int files = exportFiles.cleanUp();
            if (purged > 0 || files > 0) LOG.infof("Housekeeping: purged %d expired profiles, removed %d export files", purged, files);
        } catch (RuntimeException e) {
            LOG.warnf("Housekeeping failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
