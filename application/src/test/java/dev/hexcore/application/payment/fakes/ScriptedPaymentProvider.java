package dev.hexcore.application.payment.fakes;

import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A provider whose state the test sets: payments created are pending until {@link #set}; {@link #refund} makes a
 * succeeded refund; {@link #failWith} makes the next calls throw. Remembers every create's request, and answers a
 * repeated idempotence key with the same payment, as YooKassa does.
 */
public final class ScriptedPaymentProvider implements PaymentProvider {
    private final Map<String, ProviderPayment> payments = new HashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, ProviderRefund> refunds = new HashMap<>();
    public final List<NewPayment> creates = new ArrayList<>();
    public BooleanSupplier inTransaction = () -> false;
    public boolean calledInsideTransaction;
    private PaymentProviderException failure;
    private int next;

    public void failWith(PaymentProviderException e) {
        this.failure = e;
    }

    private void check() {
        calledInsideTransaction |= inTransaction.getAsBoolean();
        if (failure != null) throw failure;
    }

    @Override
    public ProviderPayment create(NewPayment payment) {
        check();
        creates.add(payment);
        String existing = byKey.get(payment.idempotenceKey());
        if (existing != null) return payments.get(existing);
        String id = "pay-" + (++next);
        ProviderPayment created = new ProviderPayment(id, PaymentStatus.PENDING, payment.amount(),
                new Money(BigDecimal.ZERO, payment.amount().currency()), "https://pay.example/" + id, payment.metadata(),
                Instant.EPOCH);
        payments.put(id, created);
        byKey.put(payment.idempotenceKey(), id);
        return created;
    }

    /** The provider now says {@code status} for the payment (the amount may be changed to test a mismatch). */
    public void set(String id, PaymentStatus status) {
        ProviderPayment p = payments.get(id);
        payments.put(id, new ProviderPayment(id, status, p.amount(), p.refundedAmount(), null, p.metadata(), p.createdAt()));
    }

    public void setAmount(String id, Money amount) {
        ProviderPayment p = payments.get(id);
        payments.put(id, new ProviderPayment(id, p.status(), amount, p.refundedAmount(), null, p.metadata(), p.createdAt()));
    }

    /** A succeeded refund of {@code amount} of the payment; answers its id. */
    public String refund(String paymentId, String amount) {
        String id = "ref-" + (++next);
        refunds.put(id, new ProviderRefund(id, paymentId, "succeeded", new Money(new BigDecimal(amount), "RUB")));
        return id;
    }

    @Override
    public Optional<ProviderPayment> fetch(String paymentId) {
        check();
        return Optional.ofNullable(payments.get(paymentId));
    }

    @Override
    public Optional<ProviderRefund> fetchRefund(String refundId) {
        check();
        return Optional.ofNullable(refunds.get(refundId));
    }
}
