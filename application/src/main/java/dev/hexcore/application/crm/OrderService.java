package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.CustomerRepository;
import dev.hexcore.domain.crm.InsufficientStockException;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Order;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.crm.OrderHistoryEntry;
import dev.hexcore.domain.crm.OrderItem;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.crm.OrderStatus;
import dev.hexcore.domain.crm.OrderSummary;
import dev.hexcore.domain.crm.OrderWorkflow;
import dev.hexcore.domain.crm.Product;
import dev.hexcore.domain.crm.ProductComponent;
import dev.hexcore.domain.crm.ProductRepository;
import dev.hexcore.domain.crm.ProductionTask;
import dev.hexcore.domain.crm.ProductionTaskRepository;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StockShortage;
import dev.hexcore.domain.crm.WarehouseRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders and production tasks. Every change of an order happens in one unit of work that also records its history
 * entry and an {@code order_update} job in the durable queue (the outbox: the event exists exactly when the change
 * committed). Two moves of one order are serialised by the order's row lock; stock by the warehouse rows' locks.
 */
public final class OrderService implements OrdersUseCase, ProductionTasksUseCase {
    /** The job type of the outbox event written with every order change. */
    public static final String ORDER_UPDATE = "order_update";
    static final int EVENT_MAX_ATTEMPTS = 10;

    private final ShopAccess access;
    private final ShopRepository shops;
    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final WarehouseRepository warehouse;
    private final ProductionTaskRepository tasks;
    private final JobQueue jobs;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public OrderService(ShopAccess access, ShopRepository shops, OrderRepository orders, CustomerRepository customers,
                        ProductRepository products, WarehouseRepository warehouse, ProductionTaskRepository tasks,
                        JobQueue jobs, UnitOfWork uow, Clock clock, IdGenerator ids) {
        this.access = access;
        this.shops = shops;
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.warehouse = warehouse;
        this.tasks = tasks;
        this.jobs = jobs;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public OrderDetails place(Actor actor, UUID shopId, PlaceOrderCommand command) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        if (command.customerId() == null) throw new InvalidValueException("customer_id", "is required");
        if (command.items() == null || command.items().isEmpty()) {
            throw new InvalidValueException("items", "an order needs at least one item");
        }
        UUID orderId = uow.inTransaction(() -> {
            Customer customer = customers.find(shop.id(), command.customerId())
                    .orElseThrow(() -> new InvalidValueException("customer_id", "no such customer in this shop"));
            Map<UUID, Product> catalogue = products.findAll(shop.id(),
                            command.items().stream().map(ItemCommand::productId).filter(java.util.Objects::nonNull).toList())
                    .stream().collect(Collectors.toMap(Product::id, Function.identity()));
            List<OrderItem> items = command.items().stream().map(item -> {
                Product product = item.productId() == null ? null : catalogue.get(item.productId());
                if (product == null || !product.active()) {
                    throw new InvalidValueException("items.product_id", "no active product " + item.productId() + " in this shop");
                }
                if (item.quantity() == null) throw new InvalidValueException("items.quantity", "is required");
                return new OrderItem(ids.next(), product.id(), product.name(), item.quantity(), product.price());
            }).toList();
            Instant now = clock.instant();
            Order order = Order.place(ids.next(), shop.id(), orders.nextNumber(shop.id()), customer.id(), items,
                    command.delivery(), command.comment(), shop.currency(), now);
            orders.insert(order, order.placedBy(actor.id(), ids));
            publish(order.id(), now);
            return order.id();
        });
        return details(shop.id(), orderId);
    }

    @Override
    public OrderDetails get(Actor actor, UUID shopId, UUID id) {
        return details(access.staffOf(actor, shopId), id);
    }

    @Override
    public List<OrderHistoryEntry> history(Actor actor, UUID shopId, UUID id) {
        return orders.history(access.staffOf(actor, shopId), id).orElseThrow(() -> new NotFoundException("Order"));
    }

    @Override
    public Slice<OrderSummary> list(Actor actor, UUID shopId, ListQuery query, OrderStatus status) {
        return orders.list(access.staffOf(actor, shopId), query, status);
    }

    @Override
    public OrderDetails move(Actor actor, UUID shopId, UUID id, OrderStatus to, String comment) {
        ShopAccess.InShop in = access.resolve(actor, shopId);
        uow.run(() -> {
            Order order = orders.lockForUpdate(in.shopId(), id).orElseThrow(() -> new NotFoundException("Order"));
            moveLocked(in, order, to, comment);
        });
        return details(in.shopId(), id);
    }

    /** The order's row is locked; applies the move's stock effect, records it and publishes it. */
    private void moveLocked(ShopAccess.InShop in, Order order, OrderStatus to, String comment) {
        Instant now = clock.instant();
        OrderStatus from = order.status();
        OrderHistoryEntry entry = order.moveTo(to, in.actor().id(), in.roles(), comment, ids, now);
        switch (OrderWorkflow.stockEffect(from, to)) {
            case RESERVE -> {
                List<StockShortage> shortages = warehouse.reserve(in.shopId(), order.id(), needs(order));
                if (!shortages.isEmpty()) throw new InsufficientStockException(shortages);
                tasks.insertAll(order.items().stream()
                        .map(item -> ProductionTask.forItem(ids.next(), order, item, now)).toList());
            }
            case CONSUME -> warehouse.consume(in.shopId(), order.id());
            case RELEASE -> {
                warehouse.release(in.shopId(), order.id());
                tasks.cancelOpen(order.id());
            }
            case NONE -> {
            }
        }
        orders.recordMove(order, entry);
        publish(order.id(), now);
    }

    /** What the order's items take from the warehouse: Σ item quantity × component quantity, per warehouse item. */
    private Map<UUID, BigDecimal> needs(Order order) {
        Map<UUID, Product> catalogue = products.findAll(order.shopId(),
                        order.items().stream().map(OrderItem::productId).distinct().toList())
                .stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Map<UUID, BigDecimal> needs = new TreeMap<>();
        for (OrderItem item : order.items()) {
            Product product = catalogue.get(item.productId());
            if (product == null) continue;   // deleted products cannot be: ordered products are protected from deletion
            for (ProductComponent component : product.components()) {
                needs.merge(component.warehouseItemId(),
                        component.quantity().multiply(BigDecimal.valueOf(item.quantity())), BigDecimal::add);
            }
        }
        return needs;
    }

    private OrderDetails details(UUID shopId, UUID id) {
        return orders.details(shopId, id).orElseThrow(() -> new NotFoundException("Order"));
    }

    private void publish(UUID orderId, Instant now) {
        jobs.enqueue(new JobQueue.NewJob(ORDER_UPDATE, orderId, now, EVENT_MAX_ATTEMPTS));
    }

    // --- production tasks --------------------------------------------------------------------------------

    @Override
    public Slice<ProductionTask> list(Actor actor, UUID shopId, ListQuery query, ProductionTask.Status status,
                                      UUID floristId, UUID orderId) {
        return tasks.list(access.staffOf(actor, shopId), query, status, floristId, orderId);
    }

    @Override
    public ProductionTask assign(Actor actor, UUID shopId, UUID taskId, UUID floristId) {
        ShopAccess.InShop in = access.resolve(actor, shopId);
        if (floristId == null) throw new InvalidValueException("florist_id", "is required");
        boolean isFlorist = shops.staff(in.shopId()).stream()
                .anyMatch(member -> member.userId().equals(floristId) && member.roles().contains(Role.FLORIST));
        if (!isFlorist) throw new InvalidValueException("florist_id", "no florist with this id works in the shop");
        return uow.inTransaction(() -> {
            ProductionTask task = lockTask(in, taskId);
            task.assign(floristId, actor.id(), in.roles());
            tasks.update(task);
            return task;
        });
    }

    @Override
    public ProductionTask start(Actor actor, UUID shopId, UUID taskId) {
        ShopAccess.InShop in = access.resolve(actor, shopId);
        return uow.inTransaction(() -> {
            Order order = lockOrderOf(in, taskId);
            ProductionTask task = lockTask(in, taskId);
            task.start(actor.id(), in.roles(), clock.instant());
            tasks.update(task);
            if (order.status() == OrderStatus.CONFIRMED) moveLocked(in, order, OrderStatus.IN_PRODUCTION, "production started");
            return task;
        });
    }

    @Override
    public ProductionTask complete(Actor actor, UUID shopId, UUID taskId) {
        ShopAccess.InShop in = access.resolve(actor, shopId);
        return uow.inTransaction(() -> {
            Order order = lockOrderOf(in, taskId);
            ProductionTask task = lockTask(in, taskId);
            task.complete(actor.id(), in.roles(), clock.instant());
            tasks.update(task);
            if (order.status() == OrderStatus.IN_PRODUCTION && tasks.countOpen(order.id()) == 0) {
                moveLocked(in, order, OrderStatus.READY, "all production tasks complete");
            }
            return task;
        });
    }

    /**
     * Locks the task's order before the task itself (the order first, always, as moves and cancellations do), so the
     * last two completions of one order cannot both miss that every task is done, and no two calls deadlock.
     */
    private Order lockOrderOf(ShopAccess.InShop in, UUID taskId) {
        ProductionTask peek = tasks.find(in.shopId(), taskId)
                .orElseThrow(() -> new NotFoundException("Production task"));
        return orders.lockForUpdate(in.shopId(), peek.orderId()).orElseThrow(() -> new NotFoundException("Order"));
    }

    private ProductionTask lockTask(ShopAccess.InShop in, UUID taskId) {
        return tasks.lockForUpdate(in.shopId(), taskId).orElseThrow(() -> new NotFoundException("Production task"));
    }
}
