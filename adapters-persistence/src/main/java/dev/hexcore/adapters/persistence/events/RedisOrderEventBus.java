package dev.hexcore.adapters.persistence.events;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@link OrderEventBus} over Redis pub/sub: every replica subscribes to one channel, so an event relayed by any replica
 * reaches the staff connected to all of them. A message is {@code <shop id> <order id>}; malformed ones are ignored.
 * Subscribing does not wait for Redis's confirmation (it arrives on the connection's event loop), so a bean that
 * subscribes while it is created never blocks start-up.
 */
public final class RedisOrderEventBus implements OrderEventBus {
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
        redis.pubsub(String.class).subscribe(channel, message -> {
            String[] parts = message.split(" ");
            try {
                if (parts.length == 2) listener.accept(new OrderChanged(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
            } catch (IllegalArgumentException e) {
                LOG.debugf("Ignoring a malformed order event on %s", channel);
            }
        }).subscribe().with(
                subscribed -> LOG.debugf("Listening for order events on %s", channel),
                failure -> LOG.errorf("Cannot listen for order events on %s: %s", channel, failure.toString()));
    }
}
