package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.persistence.events.InMemoryOrderEventBus;
import dev.hexcore.adapters.persistence.events.RedisOrderEventBus;
import dev.hexcore.application.crm.LiveOrdersService;
import dev.hexcore.application.crm.LiveOrdersUseCase;
import dev.hexcore.application.crm.OrderEventRelay;
import dev.hexcore.application.crm.RelayOrderEventsUseCase;
import dev.hexcore.application.crm.ShopAccess;
import dev.hexcore.domain.crm.OrderEventBus;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.identity.SocketTickets;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.UnitOfWork;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Live order updates (issue 16): the outbox relay, the event bus (Redis pub/sub when configured) and tickets. */
public class LiveOrdersWiring {
    @Produces
    @Singleton
    OrderEventBus orderEventBus(RedisSettings redis, Instance<ReactiveRedisDataSource> redisClient,
                                @ConfigProperty(name = "hexcore.live.channel", defaultValue = "hexcore:order-events") String channel) {
        return redis.configured() ? new RedisOrderEventBus(redisClient.get(), channel) : new InMemoryOrderEventBus();
    }

    @Produces
    @Singleton
    @Typed(RelayOrderEventsUseCase.class)
    OrderEventRelay orderEventRelay(JobQueue jobs, OrderRepository orders, OrderEventBus bus, Clock clock) {
        return new OrderEventRelay(jobs, orders, bus, clock);
    }

    @Produces
    @Singleton
    @Typed(LiveOrdersUseCase.class)
    LiveOrdersService liveOrders(ShopAccess access, ShopRepository shops, OrderRepository orders, UserRepository users,
                                 SocketTickets tickets, UnitOfWork uow, Clock clock, RandomGenerator secureRandom) {
        return new LiveOrdersService(access, shops, orders, users, tickets, uow, clock, secureRandom);
    }
}
