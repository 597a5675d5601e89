package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.Delivery;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.crm.OrderHistoryEntry;
import dev.hexcore.domain.crm.OrderStatus;
import dev.hexcore.domain.crm.OrderSummary;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.identity.Actor;
import java.util.List;
import java.util.UUID;

/** Orders: placed by managers, moved through the workflow by the roles it names, read by the shop's staff. */
public interface OrdersUseCase {
    record ItemCommand(UUID productId, Integer quantity) {
    }

    record PlaceOrderCommand(UUID customerId, List<ItemCommand> items, Delivery delivery, String comment) {
    }

    OrderDetails place(Actor actor, UUID shopId, PlaceOrderCommand command);

    OrderDetails get(Actor actor, UUID shopId, UUID id);

    List<OrderHistoryEntry> history(Actor actor, UUID shopId, UUID id);

    Slice<OrderSummary> list(Actor actor, UUID shopId, ListQuery query, OrderStatus status);

    /**
     * Moves the order: confirming reserves its stock (all or nothing, 409 {@code INSUFFICIENT_STOCK} listing what is
     * missing) and creates its production tasks; delivering consumes the stock; cancelling releases it.
     */
    OrderDetails move(Actor actor, UUID shopId, UUID id, OrderStatus to, String comment);
}
