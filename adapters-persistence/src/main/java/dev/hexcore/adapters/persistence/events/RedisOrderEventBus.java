package dev.hexcore.adapters.persistence.events;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@link OrderEventBus} over Redis pub/sub: every replica subscribes to one channel, so an event relayed by any replica
 * reaches the staff connected to all of them. A message is {@code <shop id> <order id>}; malformed ones are ignored.
 * Subscribing does not wait for Redis's confirmation (it arrives on the connection's event loop), so a bean that
 * subscribes while it is created never blocks start-up.
 *
 * <p>A subscription lives on its own connection, and a Redis that restarts forgets it: when that connection ends or
 * fails, or subscribing fails (Redis down at start), the bus subscribes again after {@link #FIRST_RETRY}, doubling up
 * to {@link #MAX_RETRY} while Redis stays away (ADR 0030). Events published meanwhile are retried by the relay.
 */
public final class RedisOrderEventBus implements OrderEventBus {
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(RedisOrderEventBus.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;
    private final String channel;

    public RedisOrderEventBus(ReactiveRedisDataSource redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    @Override
    public void publish(OrderChanged event) {
        redis.pubsub(String.class).publish(channel, event.shopId() + " " + event.orderId()).await().atMost(TIMEOUT);
    }

    @Override
    public void subscribe(Consumer<OrderChanged> listener) {
        listen(listener, FIRST_RETRY);
    }

    /** One subscription; when it is lost (or cannot be made) the next is made after {@code retry}. */
    private void listen(Consumer<OrderChanged> listener, Duration retry) {
        AtomicBoolean lost = new AtomicBoolean();
        AtomicBoolean confirmed = new AtomicBoolean();
        AtomicReference<ReactiveRedisSubscriber> current = new AtomicReference<>();
        Consumer<Throwable> again = failure -> {
            if (!lost.compareAndSet(false, true)) return;   // the end and the failure of one connection: once
            ReactiveRedisSubscriber subscriber = current.get();
            if (subscriber != null) subscriber.unsubscribe().subscribe().with(ignored -> { }, ignored -> { });
            Duration wait = confirmed.get() ? FIRST_RETRY : retry;
            LOG.warnf("Not listening for order events on %s (%s); subscribing again in %d ms", channel,
                    failure == null ? "connection closed" : failure.getClass().getSimpleName(), wait.toMillis());
            Duration next = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(ignored -> listen(listener, next));
        };
        redis.pubsub(String.class).subscribe(channel, message -> deliver(message, listener), () -> again.accept(null), again)
                .subscribe().with(
                        subscriber -> {
                            current.set(subscriber);
                            confirmed.set(true);
                            LOG.debugf("Listening for order events on %s", channel);
                        },
                        again);
    }

    private void deliver(String message, Consumer<OrderChanged> listener) {
        String[] parts = message.split(" ");
        try {
            if (parts.length == 2) listener.accept(new OrderChanged(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignoring a malformed order event on %s", channel);
        }
    }
}
