package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.identity.AuthenticateCallerUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Writes API keys' last_used_at in batches, every few seconds and once more at shutdown. */
@ApplicationScoped
public class ApiKeyUsageFlusher {
    private static final Logger LOG = Logger.getLogger(ApiKeyUsageFlusher.class);
    private final AuthenticateCallerUseCase callers;

    public ApiKeyUsageFlusher(AuthenticateCallerUseCase callers) {
        this.callers = callers;
    }

    @Scheduled(every = "${hexcore.api-keys.usage-flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        try {
            callers.flushUsage();
        } catch (RuntimeException e) {
            LOG.warnf("Could not record API key usage, will retry: %s", e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
