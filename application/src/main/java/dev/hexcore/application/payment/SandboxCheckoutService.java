package dev.hexcore.application.payment;

import dev.hexcore.application.payment.SettlePaymentsUseCase.PaymentNotification;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;

/**
 * The sandbox's confirmation page: marks the sandbox payment paid or canceled (one conditional statement, so a double
 * click or two replicas change it once), then hands the same notification YooKassa would send to
 * {@link SettlePaymentsUseCase}, which fetches the payment from the sandbox provider and settles it.
 */
public final class SandboxCheckoutService implements SandboxCheckoutUseCase {
    /** The cancellation reason the sandbox records, in YooKassa's style. */
    static final String CANCELED_REASON = "canceled_by_customer";

    private final boolean enabled;
    private final SandboxPaymentStore store;
    private final SettlePaymentsUseCase settlement;
    private final Clock clock;

    public SandboxCheckoutService(boolean enabled, SandboxPaymentStore store, SettlePaymentsUseCase settlement,
                                  Clock clock) {
        this.enabled = enabled;
        this.store = store;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Override
    public SandboxPayment show(String paymentId) {
        if (!enabled) throw new NotFoundException("Sandbox payment");
        return store.find(paymentId).orElseThrow(() -> new NotFoundException("Sandbox payment"));
    }

    @Override
    public Completion complete(String paymentId, boolean pay) {
        show(paymentId);
        PaymentStatus wanted = pay ? PaymentStatus.SUCCEEDED : PaymentStatus.CANCELED;
        SandboxPayment after = store.complete(paymentId, wanted, clock.instant())
                .orElseThrow(() -> new NotFoundException("Sandbox payment"));
        if (after.status() != wanted) {
            throw new ConflictException("SANDBOX_PAYMENT_FINAL", "This sandbox payment is " + after.status().code()
                    + " already");
        }
        var outcome = settlement.handle(new PaymentNotification(pay ? "payment.succeeded" : "payment.canceled",
                paymentId, pay ? null : CANCELED_REASON));
        return new Completion(after, outcome);
    }
}
