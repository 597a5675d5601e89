package dev.hexcore.application.payment;

import dev.hexcore.domain.payment.PackCatalogue;
import java.time.Duration;
import java.util.Objects;

/**
 * The payments' configuration: the packs on sale, where the provider sends the user back after paying
 * ({@code https://t.me/<bot>}), the largest quantity of one create, and the reconciliation's pace: payments still
 * pending {@code reconcileAfter} after creation are fetched again, each at most once per {@code recheckEvery}, up to
 * {@code batchSize} per pass.
 */
public record PaymentSettings(PackCatalogue catalogue, String returnUrl, int maxQuantity, Duration reconcileAfter,
                              Duration recheckEvery, int batchSize) {
    public PaymentSettings {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(returnUrl, "returnUrl");
        if (maxQuantity < 1) throw new IllegalArgumentException("maxQuantity must be at least 1");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        Objects.requireNonNull(reconcileAfter, "reconcileAfter");
        Objects.requireNonNull(recheckEvery, "recheckEvery");
    }
}
