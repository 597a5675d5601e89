package dev.hexcore.adapters.rest.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.application.crm.LiveOrdersUseCase;
import dev.hexcore.application.crm.LiveOrdersUseCase.Subscriber;
import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live-order connections of this replica and what they receive: every order event from the bus (relayed by any
 * replica) goes, as {@code {"type":"order_update","data":{order}}}, to the connections of that order's shop only.
 * A connection with too many messages still unsent is closed (1008) instead of buffering without bound; {@link #sweep}
 * closes connections whose user was disabled, left the shop, or whose token expired.
 */
@Startup
@ApplicationScoped
public class OrderUpdateSessions {
    private static final Logger LOG = Logger.getLogger(OrderUpdateSessions.class);
    static final short POLICY_VIOLATION = 1008;

    private record Session(WebSocketConnection connection, Subscriber subscriber, AtomicInteger unsent) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final LiveOrdersUseCase live;
    private final OrderEventBus bus;
    private final ObjectMapper mapper;
    private final int maxUnsent;
    /** Events are looked up in the database: off the bus's thread (a Redis event loop), one virtual thread each. */
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    public OrderUpdateSessions(LiveOrdersUseCase live, OrderEventBus bus, ObjectMapper mapper,
                               @ConfigProperty(name = "hexcore.live.max-unsent-messages", defaultValue = "64") int maxUnsent) {
        this.live = live;
        this.bus = bus;
        this.mapper = mapper;
        this.maxUnsent = maxUnsent;
    }

    @PostConstruct
    void listen() {
        bus.subscribe(event -> lookups.execute(() -> deliver(event)));
    }

    void add(WebSocketConnection connection, Subscriber subscriber) {
        sessions.put(connection.id(), new Session(connection, subscriber, new AtomicInteger()));
    }

    void remove(WebSocketConnection connection) {
        sessions.remove(connection.id());
    }

    /** Closes the connections that may no longer receive updates. */
    public void sweep() {
        for (Session session : sessions.values()) {
            boolean allowed;
            try {
                allowed = live.stillAllowed(session.subscriber());
            } catch (RuntimeException e) {
                continue;   // a failed check is not a reason to drop anyone; the next sweep decides
            }
            if (!allowed) close(session, "Session ended: token expired or account disabled");
        }
    }

    public int connections() {
        return sessions.size();
    }

    private void deliver(OrderChanged event) {
        if (sessions.values().stream().noneMatch(s -> s.subscriber().shopId().equals(event.shopId()))) return;
        String message;
        try {
            var view = live.view(event);
            if (view.isEmpty()) return;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "order_update");
            body.put("data", CrmResponses.OrderResponse.from(view.get()));
            message = mapper.writeValueAsString(body);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Order update %s not delivered: %s", event.orderId(), e.getClass().getSimpleName());
            return;
        }
        for (Session session : sessions.values()) {
            if (session.subscriber().shopId().equals(event.shopId())) send(session, message);
        }
    }

    private void send(Session session, String message) {
        if (session.unsent().incrementAndGet() > maxUnsent) {
            close(session, "Too slow: too many updates unsent");
            return;
        }
        session.connection().sendText(message).subscribe().with(
                done -> session.unsent().decrementAndGet(),
                failure -> session.unsent().decrementAndGet());
    }

    private void close(Session session, String reason) {
        sessions.remove(session.connection().id());
        session.connection().close(new CloseReason(POLICY_VIOLATION, reason)).subscribe().with(done -> { }, failure -> { });
    }
}
