package dev.hexcore.application.payment.fakes;

import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SandboxPaymentStore} in memory: one payment per idempotence key, completed only from pending. */
public final class InMemorySandboxPaymentStore implements SandboxPaymentStore {
    private final Map<String, SandboxPayment> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized SandboxPayment create(SandboxPayment payment) {
        return byId.values().stream().filter(p -> p.idempotenceKey().equals(payment.idempotenceKey())).findFirst()
                .orElseGet(() -> {
                    byId.put(payment.id(), payment);
                    return payment;
                });
    }

    @Override
    public Optional<SandboxPayment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<SandboxPayment> complete(String id, PaymentStatus status, Instant at) {
        SandboxPayment p = byId.get(id);
        if (p == null) return Optional.empty();
        if (p.status() == PaymentStatus.PENDING) {
            p = new SandboxPayment(p.id(), p.idempotenceKey(), status, p.amount(), p.description(), p.returnUrl(),
                    p.metadata(), p.createdAt());
            byId.put(id, p);
        }
        return Optional.of(p);
    }
}
