package dev.hexcore.domain.crm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders of one shop. Writes join the caller's unit of work. {@link #lockForUpdate} holds the order's row until the
 * unit of work ends, so two moves of one order happen one after the other and the second sees the first's status.
 */
public interface OrderRepository {
    /** The shop's next order number (1, 2, ...), without gaps among committed orders. */
    long nextNumber(UUID shopId);

    void insert(Order order, OrderHistoryEntry placed);

    Optional<Order> lockForUpdate(UUID shopId, UUID id);

    /** Saves the order's new status with the entry that records the move. */
    void recordMove(Order order, OrderHistoryEntry entry);

    /** The order, its items, customer and history in one read. */
    Optional<OrderDetails> details(UUID shopId, UUID id);

    /** Oldest first; empty if there is no such order in the shop. */
    Optional<List<OrderHistoryEntry>> history(UUID shopId, UUID id);

    /** Newest first; {@code search} matches the number, the customer's name or phone; {@code status} filters. */
    Slice<OrderSummary> list(UUID shopId, ListQuery query, OrderStatus status);
}
