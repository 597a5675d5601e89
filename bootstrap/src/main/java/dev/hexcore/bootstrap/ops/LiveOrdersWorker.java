package dev.hexcore.bootstrap.ops;

import dev.hexcore.adapters.rest.crm.OrderUpdateSessions;
import dev.hexcore.application.crm.RelayOrderEventsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Relays committed order changes to the live connections: polls the outbox often enough that staff see a change
 * within a second of its commit, and closes connections that may no longer listen (disabled user, expired token).
 */
@ApplicationScoped
public class LiveOrdersWorker {
    private static final Logger LOG = Logger.getLogger(LiveOrdersWorker.class);
    private final RelayOrderEventsUseCase relay;
    private final OrderUpdateSessions sessions;

    public LiveOrdersWorker(RelayOrderEventsUseCase relay, OrderUpdateSessions sessions) {
        this.relay = relay;
        this.sessions = sessions;
    }

    @Scheduled(every = "${hexcore.live.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "live-orders-relay")
    void relay() {
        try {
            while (relay.relayNext()) {
                // keep going while events are due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Order event relay could not take a job, will retry: %s", e.getClass().getSimpleName());
        }
    }

    @Scheduled(every = "${hexcore.live.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "live-orders-sweep")
    void sweep() {
        sessions.sweep();
    }
}
