package dev.hexcore.bootstrap.support;

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

/**
 * A thread-safe payment provider the tests drive: payments are pending until {@link #set}; {@link #refund} makes a
 * succeeded refund and adds it to the payment's refunded amount.
 */
public final class TestPaymentProvider implements PaymentProvider {
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

    public void set(String id, PaymentStatus status) {
        payments.computeIfPresent(id, (k, p) -> new ProviderPayment(id, status, p.amount(), p.refundedAmount(), null,
                p.metadata(), p.createdAt()));
    }

    public String refund(String paymentId, BigDecimal amount) {
        String id = "rf-" + UUID.randomUUID();
        refunds.put(id, new ProviderRefund(id, paymentId, "succeeded", new Money(amount, "RUB")));
        payments.computeIfPresent(paymentId, (k, p) -> new ProviderPayment(k, p.status(), p.amount(),
                new Money(p.refundedAmount().value().add(amount), p.amount().currency()), null, p.metadata(),
                p.createdAt()));
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
