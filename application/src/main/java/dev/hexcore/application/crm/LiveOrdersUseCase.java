package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.identity.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Live order updates for a shop's staff (issue 16): tickets to open the WebSocket, and what it may show. */
public interface LiveOrdersUseCase {
    /** A ticket to open {@code /ws} within {@code expiresIn}, once. */
    record Ticket(String value, Duration expiresIn) {
    }

    /** Who a connection belongs to: a user on a shop's staff, until {@code endsAt} (their token's expiry). */
    record Subscriber(UUID userId, UUID shopId, Instant endsAt) {
    }

    /**
     * For staff of a shop only (ForbiddenException otherwise; admins belong to no shop). {@code sessionEndsAt} is the
     * expiry of the token the ticket was asked with: the connection it opens ends then.
     */
    Ticket issueTicket(Actor actor, Instant sessionEndsAt);

    /** The subscriber a ticket stands for, once; empty for an unknown, used or expired ticket or a disabled user. */
    Optional<Subscriber> redeem(String ticket);

    /** Whether the connection may stay open: the user is still active, in that shop, and the session has time left. */
    boolean stillAllowed(Subscriber subscriber);

    /** The order view an event is about; empty when the order is gone. */
    Optional<OrderDetails> view(OrderChanged event);
}
