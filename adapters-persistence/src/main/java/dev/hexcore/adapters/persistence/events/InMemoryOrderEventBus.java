package dev.hexcore.adapters.persistence.events;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link OrderEventBus} within one replica (embedded defaults, no Redis): listeners run on the publisher's thread. */
public final class InMemoryOrderEventBus implements OrderEventBus {
    private final List<Consumer<OrderChanged>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(OrderChanged event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public void subscribe(Consumer<OrderChanged> listener) {
        listeners.add(listener);
    }
}
