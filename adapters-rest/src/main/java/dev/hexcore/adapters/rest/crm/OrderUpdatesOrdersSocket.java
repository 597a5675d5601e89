package dev.hexcore.adapters.rest.crm;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code /ws/orders}: the conventions.md spelling of {@link OrderUpdatesSocket}'s {@code /ws} (seed 004's route);
 * the same ticket, the same updates, handled by that endpoint.
 */
@WebSocket(path = "/ws/orders")
public class OrderUpdatesOrdersSocket {
    private final OrderUpdatesSocket socket;

    public OrderUpdatesOrdersSocket(OrderUpdatesSocket socket) {
        this.socket = socket;
    }

    /** Runs on a worker thread (void return), as {@link OrderUpdatesSocket#open} needs. */
    @OnOpen
    public void open(WebSocketConnection connection) {
        socket.open(connection);
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        socket.closed(connection);
    }
}
