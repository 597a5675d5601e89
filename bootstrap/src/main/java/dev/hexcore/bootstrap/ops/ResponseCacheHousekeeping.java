package dev.hexcore.bootstrap.ops;

import dev.hexcore.domain.generation.GenerationCacheMaintenance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Removes expired model answers from the response cache (they are already never served), in batches. */
@ApplicationScoped
public class ResponseCacheHousekeeping {
    private static final Logger LOG = Logger.getLogger(ResponseCacheHousekeeping.class);
    private static final int BATCH = 1000;
    private final GenerationCacheMaintenance cache;
    private final Clock clock;

    public ResponseCacheHousekeeping(GenerationCacheMaintenance cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @Scheduled(every = "${hexcore.ai.cache-housekeeping-interval:10m}", delay = 45, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "response-cache-housekeeping")
    void run() {
        try {
            int total = 0;
            int removed;
            do {
                removed = cache.purgeExpired(clock.instant(), BATCH);
                total += removed;
            } while (removed == BATCH);
            if (total > 0) LOG.infof("Housekeeping: removed %d expired model answers", total);
        } catch (RuntimeException e) {
            LOG.warnf("Response cache housekeeping failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
