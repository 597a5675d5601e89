package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.payment.SettlePaymentsUseCase;
import dev.hexcore.application.payment.SettlePaymentsUseCase.Reconciliation;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fetches again the payments still pending an hour ({@code hexcore.payments.reconcile-after}) after creation, in
 * case a notification was lost, and settles them as a notification would (ADR 0028). Runs on every replica like the
 * bot's housekeeping; each pass claims its payments in PostgreSQL ({@code for update skip locked} and a next-check
 * lease), so two replicas never check the same payment at once, and settling is exactly-once anyway.
 * {@code hexcore.payments.reconcile-interval=off} disables it.
 */
@ApplicationScoped
public class PaymentReconciliation {
    private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class);
    private final SettlePaymentsUseCase settlement;

    public PaymentReconciliation(SettlePaymentsUseCase settlement) {
        this.settlement = settlement;
    }

    @Scheduled(every = "${hexcore.payments.reconcile-interval:5m}", delay = 60, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "payment-reconciliation")
    void run() {
        try {
            Reconciliation pass = settlement.reconcile();
            if (pass.checked() > 0) {
                LOG.infof("Payment reconciliation: %d checked, %d credited, %d canceled, %d failed", pass.checked(),
                        pass.credited(), pass.canceled(), pass.failed());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Payment reconciliation failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
