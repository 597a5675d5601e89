package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.recommendation.RegenerateRecommendationsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The nightly recommendation batch (seed 000's worker), on every replica at {@code hexcore.recommendations.batch.cron}
 * (03:00 UTC unless set; "off" disables it); the batch lock makes one replica do the work.
 */
@ApplicationScoped
public class RecommendationBatch {
    private static final Logger LOG = Logger.getLogger(RecommendationBatch.class);
    private final RegenerateRecommendationsUseCase batch;

    public RecommendationBatch(RegenerateRecommendationsUseCase batch) {
        this.batch = batch;
    }

    @Scheduled(cron = "${hexcore.recommendations.batch.cron:0 0 3 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "recommendation-batch")
    void run() {
        try {
            var run = batch.regenerateStale();
            if (!run.skipped()) {
                LOG.infof("Recommendation batch: %d regenerated, %d failed", run.regenerated().size(), run.failed().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Recommendation batch stopped: %s", e.getClass().getSimpleName());
        }
    }
}
