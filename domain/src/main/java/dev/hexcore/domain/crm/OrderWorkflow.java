package dev.hexcore.domain.crm;

import static dev.hexcore.domain.crm.OrderStatus.CANCELLED;
import static dev.hexcore.domain.crm.OrderStatus.CONFIRMED;
import static dev.hexcore.domain.crm.OrderStatus.DELIVERED;
import static dev.hexcore.domain.crm.OrderStatus.DELIVERING;
import static dev.hexcore.domain.crm.OrderStatus.IN_PRODUCTION;
import static dev.hexcore.domain.crm.OrderStatus.NEW;
import static dev.hexcore.domain.crm.OrderStatus.READY;

import dev.hexcore.domain.identity.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order workflow as two tables (docs/api.md shows them): which status may follow which, and who may move an
 * order into a status. Admins may do every allowed move. What each move does to stock is {@link #stockEffect}.
 *
 * <pre>
 * new → confirmed → in_production → ready → delivering → delivered
 * any state that is not final → cancelled
 * </pre>
 */
public final class OrderWorkflow {
    /** What a move does to the stock the order needs. */
    public enum StockEffect { NONE, RESERVE, CONSUME, RELEASE }

    private static final Map<OrderStatus, OrderStatus> FORWARD = Map.of(
            NEW, CONFIRMED, CONFIRMED, IN_PRODUCTION, IN_PRODUCTION, READY, READY, DELIVERING, DELIVERING, DELIVERED);

    private static final Map<OrderStatus, Set<Role>> WHO = Map.of(
            CONFIRMED, EnumSet.of(Role.MANAGER),
            IN_PRODUCTION, EnumSet.of(Role.MANAGER, Role.FLORIST),
            READY, EnumSet.of(Role.MANAGER, Role.FLORIST),
            DELIVERING, EnumSet.of(Role.MANAGER, Role.COURIER),
            DELIVERED, EnumSet.of(Role.MANAGER, Role.COURIER),
            CANCELLED, EnumSet.of(Role.MANAGER));

    private OrderWorkflow() {
    }

    public static boolean isAllowed(OrderStatus from, OrderStatus to) {
        if (from.isFinal()) return false;
        return to == CANCELLED || FORWARD.get(from) == to;
    }

    /** Whether someone with these roles may move an order into {@code to} (admins always may). */
    public static boolean mayMoveTo(OrderStatus to, Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) return true;
        Set<Role> allowed = WHO.getOrDefault(to, Set.of());
        return roles.stream().anyMatch(allowed::contains);
    }

    /** The roles besides admin that may move an order into {@code to}. */
    public static Set<Role> rolesFor(OrderStatus to) {
        return WHO.getOrDefault(to, Set.of());
    }

    public static StockEffect stockEffect(OrderStatus from, OrderStatus to) {
        if (to == CONFIRMED) return StockEffect.RESERVE;
        if (to == DELIVERED) return StockEffect.CONSUME;
        if (to == CANCELLED && from != NEW) return StockEffect.RELEASE;
        return StockEffect.NONE;
    }
}
