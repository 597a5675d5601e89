package dev.hexcore.domain.crm;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An order of a shop: its customer, items with price snapshots, delivery, and where it is in the workflow. The only way
 * to change its status is {@link #moveTo}, which checks {@link OrderWorkflow} and the actor's roles and returns the
 * history entry to record.
 */
public final class Order {
    public static final int MAX_ITEMS = 100;

    private final UUID id;
    private final UUID shopId;
    private final long number;
    private final UUID customerId;
    private final List<OrderItem> items;
    private final Delivery delivery;
    private final String comment;
    private final Money total;
    private OrderStatus status;
    private final Instant createdAt;
    private Instant updatedAt;

    private Order(UUID id, UUID shopId, long number, UUID customerId, List<OrderItem> items, Delivery delivery,
                  String comment, Money total, OrderStatus status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.shopId = shopId;
        this.number = number;
        this.customerId = customerId;
        this.items = List.copyOf(items);
        this.delivery = delivery;
        this.comment = comment;
        this.total = total;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new order in status {@code new}; the total is the sum of the items in the shop's currency. */
    public static Order place(UUID id, UUID shopId, long number, UUID customerId, List<OrderItem> items,
                              Delivery delivery, String comment, String currency, Instant now) {
        Objects.requireNonNull(customerId, "customer_id");
        if (items.isEmpty()) throw new InvalidValueException("items", "an order needs at least one item");
        if (items.size() > MAX_ITEMS) throw new InvalidValueException("items", "at most " + MAX_ITEMS + " items");
        BigDecimal total = BigDecimal.ZERO;
        for (OrderItem item : items) total = total.add(item.total().value());
        return new Order(id, shopId, number, customerId, items, delivery == null ? Delivery.NONE : delivery,
                Texts.optional("comment", comment, 2000), new Money(total, currency), OrderStatus.NEW, now, now);
    }

    public static Order restore(UUID id, UUID shopId, long number, UUID customerId, List<OrderItem> items,
                                Delivery delivery, String comment, Money total, OrderStatus status, Instant createdAt,
                                Instant updatedAt) {
        return new Order(id, shopId, number, customerId, items, delivery, comment, total, status, createdAt, updatedAt);
    }

    /** The entry that records placing the order. */
    public OrderHistoryEntry placedBy(UUID actorId, IdGenerator ids) {
        return new OrderHistoryEntry(ids.next(), id, null, OrderStatus.NEW, actorId, null, null, createdAt);
    }

    /**
     * Moves the order to {@code to}: a move the workflow does not allow is a conflict
     * ({@code ORDER_TRANSITION_NOT_ALLOWED}), one the actor's roles do not allow is forbidden.
     */
    public OrderHistoryEntry moveTo(OrderStatus to, UUID actorId, Set<Role> roles, String comment, IdGenerator ids,
                                    Instant now) {
        if (!OrderWorkflow.isAllowed(status, to)) {
            throw new ConflictException("ORDER_TRANSITION_NOT_ALLOWED",
                    "An order cannot move from " + status.wireName() + " to " + to.wireName());
        }
        if (!OrderWorkflow.mayMoveTo(to, roles)) {
            throw new ForbiddenException("Only " + OrderWorkflow.rolesFor(to).stream().map(Role::wireName).sorted().toList()
                    + " or an admin may move an order to " + to.wireName());
        }
        OrderHistoryEntry entry = new OrderHistoryEntry(ids.next(), id, status, to, actorId, null,
                Texts.optional("comment", comment, 1000), now);
        status = to;
        updatedAt = now;
        return entry;
    }

    public UUID id() { return id; }
    public UUID shopId() { return shopId; }
    public long number() { return number; }
    public UUID customerId() { return customerId; }
    public List<OrderItem> items() { return items; }
    public Delivery delivery() { return delivery; }
    public String comment() { return comment; }
    public Money total() { return total; }
    public OrderStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
