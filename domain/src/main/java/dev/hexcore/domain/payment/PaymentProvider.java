package dev.hexcore.domain.payment;

import java.util.Optional;

/**
 * A payment provider (YooKassa, or the local sandbox): creates payments and answers what it knows about them. A
 * provider's answer is the only thing trusted about a payment's state; notifications are hints to ask again.
 *
 * <p>Failures are {@link PaymentProviderException}s: {@code REJECTED} (the provider refused the request, do not
 * retry it as is), {@code CREDENTIALS} (the shop id or secret key is wrong), {@code UNAVAILABLE} (the provider did
 * not answer or answered 5xx/429 after the adapter's own retries; the result of a create is then unknown and the
 * same idempotence key must be used to try again).
 */
public interface PaymentProvider {
    /** Creates a payment; calling again with the same {@link NewPayment#idempotenceKey()} returns the same payment. */
    ProviderPayment create(NewPayment payment);

    /** The provider's current view of a payment; empty when the provider does not know the id. */
    Optional<ProviderPayment> fetch(String paymentId);

    /** The provider's current view of a refund; empty when the provider does not know the id. */
    Optional<ProviderRefund> fetchRefund(String refundId);
}
