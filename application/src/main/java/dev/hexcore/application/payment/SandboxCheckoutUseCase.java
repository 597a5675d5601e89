package dev.hexcore.application.payment;

import dev.hexcore.application.payment.SettlePaymentsUseCase.Outcome;
import dev.hexcore.domain.payment.SandboxPayment;

/**
 * The sandbox provider's confirmation page: shows a sandbox payment and pays or cancels it, then settles it through
 * {@link SettlePaymentsUseCase} exactly as a YooKassa notification would be. Only while the sandbox is the active
 * provider; otherwise every call answers "not found".
 */
public interface SandboxCheckoutUseCase {
    /** The payment after the call and what settling it did. */
    record Completion(SandboxPayment payment, Outcome outcome) {
    }

    SandboxPayment show(String paymentId);

    /** Pays ({@code pay}) or cancels a pending payment; repeating the same choice is harmless. */
    Completion complete(String paymentId, boolean pay);
}
