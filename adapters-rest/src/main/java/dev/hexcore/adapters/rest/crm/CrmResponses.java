package dev.hexcore.adapters.rest.crm;

import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.Delivery;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.crm.OrderHistoryEntry;
import dev.hexcore.domain.crm.OrderItem;
import dev.hexcore.domain.crm.OrderSummary;
import dev.hexcore.domain.crm.PriceCalculation;
import dev.hexcore.domain.crm.Product;
import dev.hexcore.domain.crm.ProductComponent;
import dev.hexcore.domain.crm.ProductionTask;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StaffMember;
import dev.hexcore.domain.crm.Supply;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The CRM's response bodies (seed 004's field names, snake_case on the wire). */
final class CrmResponses {
    private CrmResponses() {
    }

    /** Seed 004's list window: {items, skip, limit, total}. */
    @RegisterForReflection
    record ListResponse<T>(List<T> items, int skip, int limit, long total) {
        static <D, T> ListResponse<T> from(Slice<D> slice, Function<D, T> mapper) {
            return new ListResponse<>(slice.items().stream().map(mapper).toList(), slice.skip(), slice.limit(), slice.total());
        }
    }

    // The list answers as documented: ListResponse of each item type (a generic type the scanner cannot name)

    record ShopsPage(List<ShopResponse> items, int skip, int limit, long total) {
    }

    record CustomersPage(List<CustomerResponse> items, int skip, int limit, long total) {
    }

    record WarehouseItemsPage(List<WarehouseItemResponse> items, int skip, int limit, long total) {
    }

    record ProductsPage(List<ProductResponse> items, int skip, int limit, long total) {
    }

    record SuppliesPage(List<SupplyResponse> items, int skip, int limit, long total) {
    }

    record OrdersPage(List<OrderSummaryResponse> items, int skip, int limit, long total) {
    }

    record ProductionTasksPage(List<TaskResponse> items, int skip, int limit, long total) {
    }

    @RegisterForReflection
    record ShopResponse(UUID id, String name, String address, String phone, String currency, BigDecimal markupPercent,
                        int priceRounding, Instant createdAt) {
        static ShopResponse from(Shop s) {
            return new ShopResponse(s.id(), s.name(), s.address(), s.phone(), s.currency(), s.markupPercent(),
                    s.priceRounding(), s.createdAt());
        }
    }

    @RegisterForReflection
    record StaffResponse(UUID userId, String username, List<String> roles, Instant addedAt) {
        static StaffResponse from(StaffMember m) {
            return new StaffResponse(m.userId(), m.username(), m.roles().stream().map(Role::wireName).sorted().toList(),
                    m.addedAt());
        }
    }

    @RegisterForReflection
    record CustomerResponse(UUID id, UUID shopId, String name, String phone, String email, Long telegramId, String notes,
                            Instant createdAt, Instant updatedAt) {
        static CustomerResponse from(Customer c) {
            return new CustomerResponse(c.id(), c.shopId(), c.name(), c.phone(), c.email(), c.telegramId(), c.notes(),
                    c.createdAt(), c.updatedAt());
        }
    }

    @RegisterForReflection
    record WarehouseItemResponse(UUID id, String name, String unit, BigDecimal quantity, BigDecimal reserved,
                                 BigDecimal available, Money unitCost, BigDecimal minQuantity, boolean low,
                                 Instant updatedAt) {
        static WarehouseItemResponse from(WarehouseItem i) {
            return new WarehouseItemResponse(i.id(), i.name(), i.unit(), i.quantity(), i.reserved(), i.available(),
                    i.unitCost(), i.minQuantity(), i.isLow(), i.updatedAt());
        }
    }

    @RegisterForReflection
    record ComponentResponse(UUID warehouseItemId, BigDecimal quantity) {
        static ComponentResponse from(ProductComponent c) {
            return new ComponentResponse(c.warehouseItemId(), c.quantity());
        }
    }

    @RegisterForReflection
    record ProductResponse(UUID id, String name, String description, Money price, boolean isActive,
                           List<ComponentResponse> components, List<String> imageUrls, Instant createdAt,
                           Instant updatedAt) {
        static ProductResponse from(Product p) {
            return new ProductResponse(p.id(), p.name(), p.description(), p.price(), p.active(),
                    p.components().stream().map(ComponentResponse::from).toList(), p.imageUrls(), p.createdAt(),
                    p.updatedAt());
        }
    }

    @RegisterForReflection
    record CalculationResponse(List<PriceCalculation.Line> components, Money cost, BigDecimal markupPercent,
                               int priceRounding, Money price) {
        static CalculationResponse from(PriceCalculation c) {
            return new CalculationResponse(c.lines(), c.cost(), c.markupPercent(), c.priceRounding(), c.price());
        }
    }

    @RegisterForReflection
    record SupplyLineResponse(UUID warehouseItemId, BigDecimal quantity, Money unitCost) {
    }

    @RegisterForReflection
    record SupplyResponse(UUID id, String supplier, String comment, String status, List<SupplyLineResponse> items,
                          Money total, Instant createdAt, Instant receivedAt, UUID receivedBy) {
        static SupplyResponse from(Supply s) {
            return new SupplyResponse(s.id(), s.supplier(), s.comment(), s.status().name().toLowerCase(java.util.Locale.ROOT),
                    s.items().stream().map(l -> new SupplyLineResponse(l.warehouseItemId(), l.quantity(), l.unitCost())).toList(),
                    s.total(), s.createdAt(), s.receivedAt(), s.receivedBy());
        }
    }

    @RegisterForReflection
    record OrderItemResponse(UUID id, UUID productId, String productName, int quantity, Money unitPrice, Money total) {
        static OrderItemResponse from(OrderItem i) {
            return new OrderItemResponse(i.id(), i.productId(), i.productName(), i.quantity(), i.unitPrice(), i.total());
        }
    }

    @RegisterForReflection
    record HistoryResponse(UUID id, String fromStatus, String toStatus, UUID changedBy, String changedByName,
                           String comment, Instant changedAt) {
        static HistoryResponse from(OrderHistoryEntry h) {
            return new HistoryResponse(h.id(), h.fromStatus() == null ? null : h.fromStatus().wireName(),
                    h.toStatus().wireName(), h.changedBy(), h.changedByName(), h.comment(), h.changedAt());
        }
    }

    @RegisterForReflection
    record OrderResponse(UUID id, long number, String status, CustomerResponse customer, List<OrderItemResponse> items,
                         Money total, String deliveryAddress, LocalDate deliveryDate, LocalTime deliveryTimeFrom,
                         LocalTime deliveryTimeTo, String recipientName, String recipientPhone, String cardText,
                         String comment, List<HistoryResponse> history, Instant createdAt, Instant updatedAt) {
        static OrderResponse from(OrderDetails d) {
            var o = d.order();
            Delivery v = o.delivery();
            return new OrderResponse(o.id(), o.number(), o.status().wireName(), CustomerResponse.from(d.customer()),
                    o.items().stream().map(OrderItemResponse::from).toList(), o.total(), v.address(), v.date(),
                    v.timeFrom(), v.timeTo(), v.recipientName(), v.recipientPhone(), v.cardText(), o.comment(),
                    d.history().stream().map(HistoryResponse::from).toList(), o.createdAt(), o.updatedAt());
        }
    }

    @RegisterForReflection
    record OrderSummaryResponse(UUID id, long number, String status, UUID customerId, String customerName,
                                String customerPhone, Money total, LocalDate deliveryDate, Instant createdAt,
                                Instant updatedAt) {
        static OrderSummaryResponse from(OrderSummary s) {
            return new OrderSummaryResponse(s.id(), s.number(), s.status().wireName(), s.customerId(), s.customerName(),
                    s.customerPhone(), s.total(), s.deliveryDate(), s.createdAt(), s.updatedAt());
        }
    }

    @RegisterForReflection
    record TaskResponse(UUID id, UUID orderId, long orderNumber, UUID orderItemId, String title, int quantity,
                        UUID floristId, String status, Instant createdAt, Instant startedAt, Instant completedAt) {
        static TaskResponse from(ProductionTask t) {
            return new TaskResponse(t.id(), t.orderId(), t.orderNumber(), t.orderItemId(), t.title(), t.quantity(),
                    t.floristId(), t.status().wireName(), t.createdAt(), t.startedAt(), t.completedAt());
        }
    }
}
