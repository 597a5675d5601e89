package dev.hexcore.domain.crm;

import java.util.List;

/** An order with its customer and history, read together (seed 004 loads them eagerly). */
public record OrderDetails(Order order, Customer customer, List<OrderHistoryEntry> history) {
    public OrderDetails {
        history = List.copyOf(history);
    }
}
