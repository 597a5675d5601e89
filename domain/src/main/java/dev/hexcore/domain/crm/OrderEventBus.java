package dev.hexcore.domain.crm;

import java.util.function.Consumer;

/**
 * Carries committed order changes to every replica, so each can tell the staff connected to it. Delivery is best
 * effort (a replica that is down misses events; its clients reconnect and reload); the durable record is the outbox.
 */
public interface OrderEventBus {
    void publish(OrderChanged event);

    /** {@code listener} runs for every event published from now on, by any replica (this one included). */
    void subscribe(Consumer<OrderChanged> listener);
}
