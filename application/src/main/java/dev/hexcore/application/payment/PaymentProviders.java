package dev.hexcore.application.payment;

import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import java.util.Map;

/**
 * The payment providers by name ({@code sandbox}, {@code yookassa}) and the one new payments go to. A stored payment is
 * always asked about at the provider that created it.
 */
public record PaymentProviders(String active, Map<String, PaymentProvider> byName) {
    public PaymentProviders {
        byName = Map.copyOf(byName);
        if (!byName.containsKey(active)) throw new IllegalArgumentException("no payment provider named " + active);
    }

    public PaymentProvider activeProvider() {
        return byName.get(active);
    }

    public PaymentProvider named(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new PaymentProviderException(PaymentProviderException.Kind.CREDENTIALS, "not_configured",
                    "The payment provider " + name + " is not configured here", null);
        }
        return provider;
    }
}
