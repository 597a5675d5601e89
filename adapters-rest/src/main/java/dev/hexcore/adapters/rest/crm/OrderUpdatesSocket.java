package dev.hexcore.adapters.rest.crm;

import dev.hexcore.application.crm.LiveOrdersUseCase;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /ws}: live order updates for a shop's staff. The browser opens it with a ticket from
 * {@code POST /api/v1/ws/ticket} ({@code /ws?ticket=…}, valid 30 s, once), never with a long-lived token in the URL;
 * a missing, used or expired ticket closes the connection at once with 1008. The server only sends.
 */
@WebSocket(path = "/ws")
public class OrderUpdatesSocket {
    private final LiveOrdersUseCase live;
    private final OrderUpdateSessions sessions;

    public OrderUpdatesSocket(LiveOrdersUseCase live, OrderUpdateSessions sessions) {
        this.live = live;
        this.sessions = sessions;
    }

    /** Runs on a worker thread (void return): redeeming the ticket reads the database. */
    @OnOpen
    public void open(WebSocketConnection connection) {
        String ticket = ticket(connection.handshakeRequest().query());
        live.redeem(ticket).ifPresentOrElse(subscriber -> sessions.add(connection, subscriber),
                () -> connection.close(new CloseReason(OrderUpdateSessions.POLICY_VIOLATION, "A valid ticket is required"))
                        .await().indefinitely());
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        sessions.remove(connection);
    }

    private static String ticket(String query) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("ticket=")) return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
        }
        return null;
    }
}
