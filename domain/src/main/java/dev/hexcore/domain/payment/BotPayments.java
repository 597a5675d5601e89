package dev.hexcore.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bot's payments. Every change is one conditional statement, joining the caller's unit of work, so that the same
 * notification handled twice at once (on one replica or two) changes a payment once: the second statement waits for
 * the first one's row lock and then no longer matches.
 */
public interface BotPayments {
    /** Stores a new payment; false (nothing changes) when its id is stored already. */
    boolean add(BotPayment payment);

    Optional<BotPayment> find(String paymentId);

    /** The user's payment created with {@code idempotenceKey}, if any. */
    Optional<BotPayment> findByKey(long chatId, String idempotenceKey);

    /** Moves a payment that is not final yet to {@code succeeded}; false when it was final already. */
    boolean markSucceeded(String paymentId, Instant at);

    /** Moves a payment that is not final yet to {@code canceled}; false when it was final already. */
    boolean markCanceled(String paymentId, String reason, Instant at);

    /** Records {@code waiting_for_capture} (or back to pending) for a payment that is not final; false otherwise. */
    boolean markStatus(String paymentId, PaymentStatus status, Instant at);

    /**
     * The payment, its row locked until the transaction ends, so that two refunds of one payment are applied one
     * after the other.
     */
    Optional<BotPayment> lock(String paymentId);

    /** Whether a refund with this id is recorded. */
    boolean hasRefund(String refundId);

    /**
     * Records a refund once per refund id: adds it to the payment's refunded amount, credits and debt. False (nothing
     * changes) when the refund id is recorded already.
     */
    boolean addRefund(Refund refund);

    /**
     * Claims up to {@code limit} payments still pending (or waiting for capture) that were created before
     * {@code createdBefore} and are due for a check, and pushes their next check to {@code nextCheck}, so that
     * concurrent callers (other replicas) claim different payments.
     */
    List<BotPayment> claimUnsettled(Instant createdBefore, Instant now, Instant nextCheck, int limit);

    /** A refund as recorded: the credits it took back and the part of them the balance could not cover. */
    record Refund(String refundId, String paymentId, dev.hexcore.domain.shared.Money amount, int creditsTaken, int debt,
                  Instant at) {
    }
}
