package dev.hexcore.application.payment;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.payment.CreditPack;
import java.math.BigDecimal;
import java.util.List;

/** Seed 003's purchase: the packs on sale and {@code create_payment}, which answers where the user pays. */
public interface BuyOzhivashkiUseCase {
    /**
     * {@code itemName} names a pack (its title or id), {@code price} must be exactly {@code quantity} × the pack's price.
     * {@code idempotencyKey} (optional, the client's) makes a retried create answer the first payment.
     */
    record CreatePaymentCommand(long chatId, String itemName, Integer quantity, BigDecimal price, String idempotencyKey) {
    }

    /** Where the user pays ({@code paymentUrl}) and the provider's payment id; {@code replayed} for a retried key. */
    record CreatedPayment(String paymentUrl, String paymentId, boolean replayed) {
    }

    List<CreditPack> packs(Actor actor);

    CreatedPayment createPayment(Actor actor, CreatePaymentCommand command);
}
