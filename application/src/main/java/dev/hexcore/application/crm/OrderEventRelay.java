package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.JobQueue.ClaimedJob;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's consumer: claims an {@code order_update} job (written in the transaction of the order change), finds the
 * order's shop and publishes the event on the bus, then completes the job. A failed publish is retried a second later;
 * a job whose order is gone is simply completed.
 */
public final class OrderEventRelay implements RelayOrderEventsUseCase {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final JobQueue jobs;
    private final OrderRepository orders;
    private final OrderEventBus bus;
    private final Clock clock;

    public OrderEventRelay(JobQueue jobs, OrderRepository orders, OrderEventBus bus, Clock clock) {
        this.jobs = jobs;
        this.orders = orders;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public boolean relayNext() {
        Optional<ClaimedJob> claimed = jobs.claim(Set.of(OrderService.ORDER_UPDATE), LEASE, clock.instant());
        if (claimed.isEmpty()) return false;
        ClaimedJob job = claimed.get();
        try {
            orders.shopOf(job.subjectId()).ifPresent(shop -> bus.publish(new OrderChanged(shop, job.subjectId())));
            jobs.complete(job, clock.instant());
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName();
            if (job.isLastAttempt()) jobs.fail(job, error, clock.instant());
            else jobs.retryAt(job, clock.instant().plus(RETRY), error, clock.instant());
        }
        return true;
    }
}
