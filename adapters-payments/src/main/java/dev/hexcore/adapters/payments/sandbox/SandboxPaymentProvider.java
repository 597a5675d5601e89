package dev.hexcore.adapters.payments.sandbox;

import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import dev.hexcore.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A payment provider that never leaves the service (ADR 0028): payments get a UUID id and a confirmation page of
 * this service ({@code <public base url>/sandbox/payments/{id}}) whose buttons pay or cancel them. Its state is in
 * {@link SandboxPaymentStore} (PostgreSQL), so every replica answers the same. Refunds do not exist in the sandbox.
 */
@ApplicationScoped
@Named("sandbox")
public class SandboxPaymentProvider implements PaymentProvider {
    private final SandboxPaymentStore store;
    private final Clock clock;
    private final String publicBaseUrl;

    public SandboxPaymentProvider(SandboxPaymentStore store, Clock clock,
                                  @ConfigProperty(name = "hexcore.payments.sandbox.public-base-url",
                                          defaultValue = "http://localhost:8080") String publicBaseUrl) {
        this.store = store;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public ProviderPayment create(NewPayment payment) {
        SandboxPayment stored = store.create(new SandboxPayment(UUID.randomUUID().toString(), payment.idempotenceKey(),
                PaymentStatus.PENDING, payment.amount(), payment.description(), payment.returnUrl(), payment.metadata(),
                clock.instant()));
        return answer(stored);
    }

    @Override
    public Optional<ProviderPayment> fetch(String paymentId) {
        return store.find(paymentId).map(this::answer);
    }

    @Override
    public Optional<ProviderRefund> fetchRefund(String refundId) {
        return Optional.empty();
    }

    /** Where the customer pays a sandbox payment: this service's confirmation page. */
    public String confirmationUrl(String paymentId) {
        return publicBaseUrl + "/sandbox/payments/" + paymentId;
    }

    private ProviderPayment answer(SandboxPayment p) {
        return new ProviderPayment(p.id(), p.status(), p.amount(), new Money(BigDecimal.ZERO, p.amount().currency()),
                p.status() == PaymentStatus.PENDING ? confirmationUrl(p.id()) : null, p.metadata(), p.createdAt());
    }
}
