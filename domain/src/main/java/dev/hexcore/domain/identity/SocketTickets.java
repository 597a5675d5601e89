package dev.hexcore.domain.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived, single-use tickets that open a WebSocket (browsers cannot send an Authorization header there, and a
 * long-lived token in a URL ends up in logs). Only the ticket's hash is stored; shared by every replica.
 */
public interface SocketTickets {
    /** What a redeemed ticket stands for: the user, and until when the session it opens may last. */
    record Holder(UUID userId, Instant sessionEndsAt) {
    }

    void issue(String ticketHash, Holder holder, Instant expiresAt);

    /** The holder, once: the ticket is gone afterwards; empty when unknown, used or expired at {@code now}. */
    Optional<Holder> redeem(String ticketHash, Instant now);
}
