package dev.hexcore.application.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.profile.fakes.InMemoryJobQueue;
import dev.hexcore.application.profile.fakes.InMemoryJobQueue.Status;
import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderEventBus;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.port.JobQueue.NewJob;
import dev.hexcore.domain.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderEventRelayTest {
    private final UUID shop = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryJobQueue jobs;
    private List<OrderChanged> published;
    private boolean busDown;
    private OrderEventRelay relay;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        uow = new FakeUnitOfWork();
        jobs = new InMemoryJobQueue(uow);
        published = new ArrayList<>();
        OrderEventBus bus = new OrderEventBus() {
            @Override
            public void publish(OrderChanged event) {
                if (busDown) throw new IllegalStateException("redis down");
                published.add(event);
            }

            @Override
            public void subscribe(Consumer<OrderChanged> listener) {
                throw new UnsupportedOperationException();
            }
        };
        relay = new OrderEventRelay(jobs, ordersIn(Map.of(order, shop)), bus, clock);
    }

    @Test
    void anOrderUpdateIsPublishedWithItsShopAndTheJobCompleted() {
        UUID job = enqueue(order, 10);

        assertThat(relay.relayNext()).isTrue();

        assertThat(published).containsExactly(new OrderChanged(shop, order));
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(relay.relayNext()).isFalse();
    }

    @Test
    void anEventOfAVanishedOrderIsCompletedWithoutPublishing() {
        UUID job = enqueue(UUID.randomUUID(), 10);

        assertThat(relay.relayNext()).isTrue();

        assertThat(published).isEmpty();
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aFailedPublishIsRetriedASecondLaterAndFailsForGoodOnTheLastAttempt() {
        UUID job = enqueue(order, 2);
        busDown = true;

        assertThat(relay.relayNext()).isTrue();
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo(Status.PENDING);
        assertThat(relay.relayNext()).as("not due yet").isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayNext()).isTrue();
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(published).isEmpty();
    }

    private UUID enqueue(UUID orderId, int maxAttempts) {
        return uow.inTransaction(() -> jobs.enqueue(new NewJob(OrderService.ORDER_UPDATE, orderId, clock.instant(), maxAttempts)));
    }

    /** Only {@link OrderRepository#shopOf} is used by the relay. */
    private static OrderRepository ordersIn(Map<UUID, UUID> shopOfOrder) {
        return (OrderRepository) Proxy.newProxyInstance(OrderRepository.class.getClassLoader(),
                new Class<?>[] {OrderRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("shopOf")) return Optional.ofNullable(shopOfOrder.get((UUID) args[0]));
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
