package dev.hexcore.application.payment.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link BotPayments} in memory with the PostgreSQL adapter's rules: conditional transitions, refunds once per id. */
public final class InMemoryBotPayments implements BotPayments {
    private final FakeUnitOfWork uow;
    private Map<String, BotPayment> payments = new LinkedHashMap<>();
    private Map<String, Refund> refunds = new HashMap<>();
    private final Map<String, Instant> nextCheck = new HashMap<>();

    public InMemoryBotPayments(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(() -> {
            var p = new LinkedHashMap<>(payments);
            var r = new HashMap<>(refunds);
            return () -> {
                payments = p;
                refunds = r;
            };
        });
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds.values());
    }

    @Override
    public boolean add(BotPayment payment) {
        uow.requireActive();
        return payments.putIfAbsent(payment.paymentId(), payment) == null;
    }

    @Override
    public Optional<BotPayment> find(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    @Override
    public Optional<BotPayment> findByKey(long chatId, String idempotenceKey) {
        return payments.values().stream().filter(p -> p.chatId() == chatId && p.idempotenceKey().equals(idempotenceKey))
                .findFirst();
    }

    private boolean changeIfOpen(String id, UnaryOperator<BotPayment> change) {
        uow.requireActive();
        BotPayment p = payments.get(id);
        if (p == null || p.status().isFinal()) return false;
        payments.put(id, change.apply(p));
        return true;
    }

    @Override
    public boolean markSucceeded(String paymentId, Instant at) {
        return changeIfOpen(paymentId, p -> with(p, PaymentStatus.SUCCEEDED, at, at, null, p.refundedAmount(), 0, 0));
    }

    @Override
    public boolean markCanceled(String paymentId, String reason, Instant at) {
        return changeIfOpen(paymentId, p -> with(p, PaymentStatus.CANCELED, at, null, reason, p.refundedAmount(), 0, 0));
    }

    @Override
    public boolean markStatus(String paymentId, PaymentStatus status, Instant at) {
        return changeIfOpen(paymentId, p -> with(p, status, at, null, null, p.refundedAmount(), 0, 0));
    }

    @Override
    public Optional<BotPayment> lock(String paymentId) {
        uow.requireActive();
        return find(paymentId);
    }

    @Override
    public boolean hasRefund(String refundId) {
        return refunds.containsKey(refundId);
    }

    @Override
    public boolean addRefund(Refund r) {
        uow.requireActive();
        if (refunds.putIfAbsent(r.refundId(), r) != null) return false;
        BotPayment p = payments.get(r.paymentId());
        Money refunded = new Money(p.refundedAmount().value().add(r.amount().value()).min(p.amount().value()),
                p.amount().currency());
        payments.put(p.paymentId(), with(p, p.status(), r.at(), p.succeededAt(), p.cancellationReason(), refunded,
                r.creditsTaken() + r.debt(), r.debt()));
        return true;
    }

    @Override
    public List<BotPayment> claimUnsettled(Instant createdBefore, Instant now, Instant next, int limit) {
        uow.requireActive();
        List<BotPayment> due = payments.values().stream().filter(p -> !p.status().isFinal())
                .filter(p -> p.createdAt().isBefore(createdBefore))
                .filter(p -> !nextCheck.getOrDefault(p.paymentId(), Instant.MIN).isAfter(now))
                .sorted(Comparator.comparing(BotPayment::createdAt)).limit(limit).toList();
        due.forEach(p -> nextCheck.put(p.paymentId(), next));
        return due;
    }

    private static BotPayment with(BotPayment p, PaymentStatus status, Instant at, Instant succeededAt, String reason,
                                   Money refunded, int addedRefundedCredits, int addedDebt) {
        return new BotPayment(p.paymentId(), p.chatId(), p.provider(), p.packId(), p.quantity(), p.credits(), p.amount(),
                status, p.idempotenceKey(), p.confirmationUrl(), p.createdAt(), at,
                succeededAt == null ? p.succeededAt() : succeededAt, reason == null ? p.cancellationReason() : reason,
                refunded, p.refundedCredits() + addedRefundedCredits, p.debt() + addedDebt);
    }
}
