package dev.hexcore.bootstrap.contract;

import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe provider the tests drive: payments pending until {@link #set}, succeeded refunds by {@link #refund}. */
final class TestPaymentProvider implements PaymentProvider {
    private final Map<String, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, ProviderRefund> refunds = new ConcurrentHashMap<>();

    @Override
    public ProviderPayment create(NewPayment payment) {
        String id = UUID.randomUUID().toString();
        ProviderPayment created = new ProviderPayment(id, PaymentStatus.PENDING, payment.amount(),
                new Money(BigDecimal.ZERO, payment.amount().currency()), "https://pay.test/" + id, payment.metadata(),
                Instant.now());
        payments.put(id, created);
        return created;
    }

    void set(String id, PaymentStatus status) {
        payments.computeIfPresent(id, (k, p) -> new ProviderPayment(id, status, p.amount(), p.refundedAmount(), null,
                p.metadata(), p.createdAt()));
    }

    String refund(String paymentId, BigDecimal amount) {
        String id = "rf-" + UUID.randomUUID();
        refunds.put(id, new ProviderRefund(id, paymentId, "succeeded", new Money(amount, "RUB")));
        return id;
    }

    @Override
    public Optional<ProviderPayment> fetch(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    @Override
    public Optional<ProviderRefund> fetchRefund(String refundId) {
        return Optional.ofNullable(refunds.get(refundId));
    }
}
