package dev.hexcore.adapters.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sandbox answers like a provider: a UUID id, its own confirmation page, one payment per idempotence key. */
class SandboxPaymentProviderTest {
    private final Map<String, SandboxPayment> stored = new HashMap<>();
    private final SandboxPaymentStore store = new SandboxPaymentStore() {
        @Override
        public SandboxPayment create(SandboxPayment p) {
            return stored.values().stream().filter(s -> s.idempotenceKey().equals(p.idempotenceKey())).findFirst()
                    .orElseGet(() -> {
                        stored.put(p.id(), p);
                        return p;
                    });
        }

        @Override
        public Optional<SandboxPayment> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Optional<SandboxPayment> complete(String id, PaymentStatus status, Instant at) {
            SandboxPayment p = stored.get(id);
            stored.put(id, new SandboxPayment(id, p.idempotenceKey(), status, p.amount(), p.description(), p.returnUrl(),
                    p.metadata(), p.createdAt()));
            return find(id);
        }
    };
    private final SandboxPaymentProvider sandbox = new SandboxPaymentProvider(store,
            Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC), "https://bot.example/");

    private static NewPayment payment(String key) {
        return new NewPayment(key, new Money(new BigDecimal("100"), "RUB"), "Пакет '10 Оживашек'", "https://t.me/Bot",
                Map.of("chat_id", "42"));
    }

    @Test
    void aPaymentIsPendingWithThisServicesConfirmationPage() {
        ProviderPayment created = sandbox.create(payment("k1"));
        assertThat(UUID.fromString(created.id())).isNotNull();
        assertThat(created.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(created.confirmationUrl()).isEqualTo("https://bot.example/sandbox/payments/" + created.id());
        assertThat(created.amount().value()).isEqualByComparingTo("100.00");
        assertThat(created.metadata()).containsEntry("chat_id", "42");
        assertThat(sandbox.fetch(created.id())).contains(created);
    }

    @Test
    void theSameIdempotenceKeyAnswersTheSamePayment() {
        assertThat(sandbox.create(payment("k2")).id()).isEqualTo(sandbox.create(payment("k2")).id());
        assertThat(sandbox.create(payment("k3")).id()).isNotEqualTo(sandbox.create(payment("k2")).id());
    }

    @Test
    void aPaidPaymentHasNoConfirmationPageAndUnknownIdsAndRefundsAreEmpty() {
        ProviderPayment created = sandbox.create(payment("k4"));
        store.complete(created.id(), PaymentStatus.SUCCEEDED, Instant.now());
        ProviderPayment paid = sandbox.fetch(created.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.confirmationUrl()).isNull();
        assertThat(sandbox.fetch("nope")).isEmpty();
        assertThat(sandbox.fetchRefund("nope")).isEmpty();
    }
}
