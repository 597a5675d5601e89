package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.profile.RunExportJobsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs export jobs on this replica: every tick, while fewer than {@code hexcore.exports.workers} runs are active, one
 * more takes due jobs until none is left. The queue in PostgreSQL makes sure every job runs once across replicas.
 */
@ApplicationScoped
public class ExportWorker {
    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    private final RunExportJobsUseCase jobs;
    private final Semaphore slots;

    public ExportWorker(RunExportJobsUseCase jobs, @ConfigProperty(name = "hexcore.exports.workers", defaultValue = "2") int workers) {
        this.jobs = jobs;
        this.slots = new Semaphore(Math.max(1, workers));
    }

    @Scheduled(every = "${hexcore.exports.poll-interval:1s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.PROCEED, identity = "export-worker")
    void poll() {
        if (!slots.tryAcquire()) return;
        try {
            while (jobs.runNext()) {
                // keep going while jobs are due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Export worker could not take a job, will retry: %s", e.getClass().getSimpleName());
        } finally {
            slots.release();
        }
    }
}
