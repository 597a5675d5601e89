package dev.hexcore.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow and role tables of docs/api.md, checked for every (from, to, role). */
class OrderWorkflowTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID ACTOR = UUID.randomUUID();

    /** The documented table: from → the one forward move; cancelled from any non-final status. */
    private static final List<OrderStatus> FORWARD = List.of(OrderStatus.NEW, OrderStatus.CONFIRMED,
            OrderStatus.IN_PRODUCTION, OrderStatus.READY, OrderStatus.DELIVERING, OrderStatus.DELIVERED);

    private static boolean documentedMove(OrderStatus from, OrderStatus to) {
        if (from == OrderStatus.DELIVERED || from == OrderStatus.CANCELLED) return false;
        if (to == OrderStatus.CANCELLED) return true;
        int i = FORWARD.indexOf(from);
        return i >= 0 && i + 1 < FORWARD.size() && FORWARD.get(i + 1) == to;
    }

    /** The documented role matrix. */
    private static boolean documentedRole(OrderStatus to, Role role) {
        return switch (role) {
            case ADMIN, MANAGER -> true;
            case FLORIST -> to == OrderStatus.IN_PRODUCTION || to == OrderStatus.READY;
            case COURIER -> to == OrderStatus.DELIVERING || to == OrderStatus.DELIVERED;
            case USER -> false;
        };
    }

    static Stream<Arguments> everyMove() {
        List<Arguments> cases = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                for (Role role : Role.values()) cases.add(Arguments.of(from, to, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyMove")
    void anOrderMovesExactlyAsTheTablesSay(OrderStatus from, OrderStatus to, Role role) {
        Order order = orderIn(from);
        var ids = new SequentialIds();
        if (!documentedMove(from, to)) {
            assertThatExceptionOfType(ConflictException.class)
                    .isThrownBy(() -> order.moveTo(to, ACTOR, Set.of(role), null, ids, NOW))
                    .satisfies(e -> assertThat(e.code()).isEqualTo("ORDER_TRANSITION_NOT_ALLOWED"));
            assertThat(order.status()).isEqualTo(from);
        } else if (!documentedRole(to, role)) {
            assertThatThrownBy(() -> order.moveTo(to, ACTOR, Set.of(role), null, ids, NOW))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(order.status()).isEqualTo(from);
        } else {
            OrderHistoryEntry entry = order.moveTo(to, ACTOR, Set.of(role), "ok", ids, NOW);
            assertThat(order.status()).isEqualTo(to);
            assertThat(entry.fromStatus()).isEqualTo(from);
            assertThat(entry.toStatus()).isEqualTo(to);
            assertThat(entry.changedBy()).isEqualTo(ACTOR);
            assertThat(entry.comment()).isEqualTo("ok");
            assertThat(entry.changedAt()).isEqualTo(NOW);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("stockEffects")
    void stockIsReservedOnConfirmConsumedOnDeliveryAndReleasedOnCancel(OrderStatus from, OrderStatus to,
                                                                      OrderWorkflow.StockEffect effect) {
        assertThat(OrderWorkflow.stockEffect(from, to)).isEqualTo(effect);
    }

    static Stream<Arguments> stockEffects() {
        return Stream.of(
                Arguments.of(OrderStatus.NEW, OrderStatus.CONFIRMED, OrderWorkflow.StockEffect.RESERVE),
                Arguments.of(OrderStatus.CONFIRMED, OrderStatus.IN_PRODUCTION, OrderWorkflow.StockEffect.NONE),
                Arguments.of(OrderStatus.DELIVERING, OrderStatus.DELIVERED, OrderWorkflow.StockEffect.CONSUME),
                Arguments.of(OrderStatus.NEW, OrderStatus.CANCELLED, OrderWorkflow.StockEffect.NONE),
                Arguments.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, OrderWorkflow.StockEffect.RELEASE),
                Arguments.of(OrderStatus.DELIVERING, OrderStatus.CANCELLED, OrderWorkflow.StockEffect.RELEASE));
    }

    private static Order orderIn(OrderStatus status) {
        UUID product = UUID.randomUUID();
        var item = new OrderItem(UUID.randomUUID(), product, "Букет", 1, Money.rub(1000));
        return Order.restore(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), List.of(item), Delivery.NONE,
                null, Money.rub(1000), status, NOW, NOW);
    }

    private static final class SequentialIds implements dev.hexcore.domain.shared.IdGenerator {
        private long next = 1;

        @Override
        public UUID next() {
            return new UUID(0, next++);
        }
    }
}
