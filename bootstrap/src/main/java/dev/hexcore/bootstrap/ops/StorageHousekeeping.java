package dev.hexcore.bootstrap.ops;

import dev.hexcore.adapters.persistence.storage.LocalFileStorage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sweeps the storage folder of temporary files that a replica killed in the middle of a write left behind (an export
 * taken over after {@code kill -9}, ADR 0029). On a shared volume any replica may sweep: a file counts as abandoned
 * only when nobody has written to it for {@code hexcore.storage.abandoned-after} (1 h by default).
 */
@ApplicationScoped
public class StorageHousekeeping {
    private static final Logger LOG = Logger.getLogger(StorageHousekeeping.class);
    private final LocalFileStorage storage;
    private final Clock clock;
    private final Duration abandonedAfter;

    public StorageHousekeeping(LocalFileStorage storage, Clock clock,
                               @ConfigProperty(name = "hexcore.storage.abandoned-after", defaultValue = "PT1H") Duration abandonedAfter) {
        this.storage = storage;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    @Scheduled(every = "${hexcore.storage.housekeeping-interval:1h}", delay = 5, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "storage-housekeeping")
    void run() {
        try {
            int removed = storage.removeAbandonedTemporaryFiles(clock.instant().minus(abandonedAfter));
            if (removed > 0) LOG.infof("Storage housekeeping: removed %d abandoned temporary file(s)", removed);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            LOG.warnf("Storage housekeeping failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
