package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.bot.ReleaseAbandonedGenerationsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Gives back the ozhivashki of bot generations abandoned by a process that died; safe on every replica at once. */
@ApplicationScoped
public class BotHousekeeping {
    private static final Logger LOG = Logger.getLogger(BotHousekeeping.class);
    private final ReleaseAbandonedGenerationsUseCase generations;

    public BotHousekeeping(ReleaseAbandonedGenerationsUseCase generations) {
        this.generations = generations;
    }

    @Scheduled(every = "${hexcore.bot.housekeeping-interval:1m}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "bot-housekeeping")
    void run() {
        try {
            int released = generations.releaseAbandoned();
            if (released > 0) LOG.infof("Bot housekeeping: released %d abandoned generation(s)", released);
        } catch (RuntimeException e) {
            LOG.warnf("Bot housekeeping failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
