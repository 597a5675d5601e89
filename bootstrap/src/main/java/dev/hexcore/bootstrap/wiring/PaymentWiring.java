package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.payment.BuyOzhivashkiUseCase;
import dev.hexcore.application.payment.PaymentProviders;
import dev.hexcore.application.payment.PaymentService;
import dev.hexcore.application.payment.PaymentSettings;
import dev.hexcore.application.payment.SandboxCheckoutService;
import dev.hexcore.application.payment.SandboxCheckoutUseCase;
import dev.hexcore.application.payment.SettlePaymentsUseCase;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Payments (issue 19, ADR 0028): which provider new payments go to ({@code hexcore.payments.provider}: {@code sandbox}
 * on the embedded defaults and in tests, {@code yookassa} in prod unless set), the packs, and the use cases.
 *
 * <p>Providers are CDI beans of {@link PaymentProvider} named {@code @Named("sandbox")} and
 * {@code @Named("yookassa")}, looked up lazily here, so the service builds and runs whether or not the YooKassa
 * adapter is on the class path. YooKassa without {@code hexcore.payments.yookassa.shop-id} and {@code secret-key}
 * (or without its adapter) does not stop the service: every payment call answers 503
 * {@code PAYMENT_PROVIDER_CREDENTIALS} ("payments are not configured") and the start-up log says why.
 */
public class PaymentWiring {
    private static final Logger LOG = Logger.getLogger(PaymentWiring.class);
    static final String SANDBOX = "sandbox";
    static final String YOOKASSA = "yookassa";

    @Produces
    @Singleton
    PaymentProviders paymentProviders(@Any Instance<PaymentProvider> beans,
                                      @ConfigProperty(name = "hexcore.payments.provider", defaultValue = SANDBOX)
                                      String active,
                                      @ConfigProperty(name = "hexcore.payments.yookassa.shop-id") Optional<String> shopId,
                                      @ConfigProperty(name = "hexcore.payments.yookassa.secret-key")
                                      Optional<String> secretKey) {
        if (!Set.of(SANDBOX, YOOKASSA).contains(active)) {
            throw new IllegalArgumentException("hexcore.payments.provider must be sandbox or yookassa, not " + active);
        }
        Map<String, PaymentProvider> byName = new HashMap<>();
        byName.put(SANDBOX, beans.select(NamedLiteral.of(SANDBOX)).get());
        Instance<PaymentProvider> yookassa = beans.select(NamedLiteral.of(YOOKASSA));
        boolean credentials = shopId.filter(s -> !s.isBlank()).isPresent() && secretKey.filter(s -> !s.isBlank()).isPresent();
        if (yookassa.isResolvable() && credentials) {
            byName.put(YOOKASSA, yookassa.get());
        } else {
            byName.put(YOOKASSA, new NotConfigured());
            if (active.equals(YOOKASSA)) {
                LOG.warn(yookassa.isResolvable()
                        ? "Payments: hexcore.payments.provider=yookassa but YOOKASSA_SHOP_ID or YOOKASSA_SECRET_KEY is not "
                        + "set; every payment answers 503 until they are (or set HEXCORE_PAYMENTS_PROVIDER=sandbox)"
                        : "Payments: hexcore.payments.provider=yookassa but this build has no YooKassa adapter; every "
                        + "payment answers 503");
            }
        }
        LOG.infof("Payments: new payments go to the %s provider", active);
        return new PaymentProviders(active, byName);
    }

    @Produces
    @Singleton
    PaymentSettings paymentSettings(PackSettings packs,
                                    @ConfigProperty(name = "hexcore.bot.telegram-username") Optional<String> botUsername,
                                    @ConfigProperty(name = "hexcore.payments.max-quantity", defaultValue = "100") int maxQuantity,
                                    @ConfigProperty(name = "hexcore.payments.reconcile-after", defaultValue = "PT1H")
                                    Duration reconcileAfter,
                                    @ConfigProperty(name = "hexcore.payments.reconcile-recheck", defaultValue = "PT10M")
                                    Duration recheck,
                                    @ConfigProperty(name = "hexcore.payments.reconcile-batch", defaultValue = "50") int batch) {
        String returnUrl = "https://t.me/" + botUsername.map(String::strip).map(u -> u.startsWith("@") ? u.substring(1) : u)
                .orElse("");
        return new PaymentSettings(packs.catalogue(), returnUrl, maxQuantity, reconcileAfter, recheck, batch);
    }

    @Produces
    @Singleton
    @Typed({BuyOzhivashkiUseCase.class, SettlePaymentsUseCase.class})
    PaymentService payments(BotUserReader users, BotPayments payments, CreditLedger ledger, PaymentProviders providers,
                            PaymentSettings settings, UnitOfWork uow, Clock clock, IdGenerator ids) {
        return new PaymentService(users, payments, ledger, providers, settings, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed(SandboxCheckoutUseCase.class)
    SandboxCheckoutService sandboxCheckout(PaymentProviders providers, SandboxPaymentStore store,
                                           SettlePaymentsUseCase settlement, Clock clock) {
        return new SandboxCheckoutService(providers.active().equals(SANDBOX), store, settlement, clock);
    }

    /** YooKassa chosen but not configured (or not built in): refuses clearly, without naming any secret. */
    static final class NotConfigured implements PaymentProvider {
        private static PaymentProviderException refusal() {
            return new PaymentProviderException(PaymentProviderException.Kind.CREDENTIALS, "not_configured",
                    "YooKassa is not configured on this server", null);
        }

        @Override
        public ProviderPayment create(NewPayment payment) {
            throw refusal();
        }

        @Override
        public Optional<ProviderPayment> fetch(String paymentId) {
            throw refusal();
        }

        @Override
        public Optional<ProviderRefund> fetchRefund(String refundId) {
            throw refusal();
        }
    }
}
