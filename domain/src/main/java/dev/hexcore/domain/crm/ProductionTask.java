package dev.hexcore.domain.crm;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A florist's work on one item of a confirmed order (one task per order item: items are made separately and can be
 * shared between florists). {@code pending → in_progress → done}; {@code cancelled} when the order is.
 * A manager or admin assigns any florist; a florist may take a task for themselves. Only the assigned florist (or a
 * manager or admin) starts and completes it.
 */
public final class ProductionTask {
    public enum Status {
        PENDING, IN_PROGRESS, DONE, CANCELLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final UUID id;
    private final UUID shopId;
    private final UUID orderId;
    private final long orderNumber;
    private final UUID orderItemId;
    private final String title;
    private final int quantity;
    private UUID floristId;
    private Status status;
    private final Instant createdAt;
    private Instant startedAt;
    private Instant completedAt;

    private ProductionTask(UUID id, UUID shopId, UUID orderId, long orderNumber, UUID orderItemId, String title,
                           int quantity, UUID floristId, Status status, Instant createdAt, Instant startedAt,
                           Instant completedAt) {
        this.id = id;
        this.shopId = shopId;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.orderItemId = orderItemId;
        this.title = title;
        this.quantity = quantity;
        this.floristId = floristId;
        this.status = status;
        this.createdAt = createdAt;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
    }

    public static ProductionTask forItem(UUID id, Order order, OrderItem item, Instant now) {
        return new ProductionTask(id, order.shopId(), order.id(), order.number(), item.id(), item.productName(),
                item.quantity(), null, Status.PENDING, now, null, null);
    }

    public static ProductionTask restore(UUID id, UUID shopId, UUID orderId, long orderNumber, UUID orderItemId,
                                         String title, int quantity, UUID floristId, Status status, Instant createdAt,
                                         Instant startedAt, Instant completedAt) {
        return new ProductionTask(id, shopId, orderId, orderNumber, orderItemId, title, quantity, floristId, status,
                createdAt, startedAt, completedAt);
    }

    /** Gives the task to {@code florist} (who must hold the florist role; the caller checked the shop). */
    public void assign(UUID florist, UUID actorId, Set<Role> actorRoles) {
        requireOpen();
        if (status != Status.PENDING) throw new ConflictException("TASK_ALREADY_STARTED", "A started task keeps its florist");
        if (!isManager(actorRoles) && !(actorRoles.contains(Role.FLORIST) && florist.equals(actorId))) {
            throw new ForbiddenException("A florist may only take a task for themselves");
        }
        floristId = florist;
    }

    public void start(UUID actorId, Set<Role> actorRoles, Instant now) {
        requireOpen();
        if (status != Status.PENDING) throw new ConflictException("TASK_TRANSITION_NOT_ALLOWED", "The task was already started");
        requireWorker(actorId, actorRoles);
        status = Status.IN_PROGRESS;
        startedAt = now;
    }

    public void complete(UUID actorId, Set<Role> actorRoles, Instant now) {
        requireOpen();
        if (status != Status.IN_PROGRESS) throw new ConflictException("TASK_TRANSITION_NOT_ALLOWED", "Only a started task can be completed");
        requireWorker(actorId, actorRoles);
        status = Status.DONE;
        completedAt = now;
    }

    private void requireOpen() {
        if (status == Status.DONE || status == Status.CANCELLED) {
            throw new ConflictException("TASK_TRANSITION_NOT_ALLOWED", "The task is " + status.wireName());
        }
    }

    private void requireWorker(UUID actorId, Set<Role> actorRoles) {
        if (isManager(actorRoles)) return;
        if (!actorRoles.contains(Role.FLORIST)) throw new ForbiddenException("Only florists work on production tasks");
        if (floristId == null || !floristId.equals(actorId)) {
            throw new ForbiddenException("The task is not assigned to you; take it first");
        }
    }

    private static boolean isManager(Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER);
    }

    public UUID id() { return id; }
    public UUID shopId() { return shopId; }
    public UUID orderId() { return orderId; }
    public long orderNumber() { return orderNumber; }
    public UUID orderItemId() { return orderItemId; }
    public String title() { return title; }
    public int quantity() { return quantity; }
    public UUID floristId() { return floristId; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
}
