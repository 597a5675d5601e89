package dev.hexcore.domain.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the sandbox provider keeps its payments: in PostgreSQL, so that every replica behind a load balancer sees the
 * same ones (a payment created through one replica is paid on a page served by another). Each call is its own
 * statement (autocommit unless a unit of work is open).
 */
public interface SandboxPaymentStore {
    /** Stores a new payment unless one with its idempotence key exists; answers the stored one either way. */
    SandboxPayment create(SandboxPayment payment);

    Optional<SandboxPayment> find(String id);

    /**
     * Moves a pending payment to {@code status} (succeeded or canceled); answers the payment after the call, which is
     * unchanged when it was final already (an idempotent repeat or a conflicting one: the caller compares).
     */
    Optional<SandboxPayment> complete(String id, PaymentStatus status, Instant at);
}
