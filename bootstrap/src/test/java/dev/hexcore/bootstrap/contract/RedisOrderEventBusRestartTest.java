package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.persistence.events.RedisOrderEventBus;
import dev.hexcore.domain.crm.OrderChanged;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A Redis restart must not end live order updates (ADR 0030): the bus's subscription dies with its connection and is
 * made again once Redis is back. A private Redis of its own, since this test stops it.
 */
class RedisOrderEventBusRestartTest {
    @Test
    void theSubscriptionComesBackAfterRedisRestarts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        RedisServer server = newServer(port);
        Redis client = Redis.createClient(vertx, "redis://127.0.0.1:" + port);
        try {
            server.start();
            RedisOrderEventBus bus = new RedisOrderEventBus(new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client)),
                    "test:order-events:" + UUID.randomUUID());
            BlockingQueue<OrderChanged> received = new LinkedBlockingQueue<>();
            bus.subscribe(received::add);
            assertThat(publishUntilReceived(bus, received, Duration.ofSeconds(5))).as("before the restart").isTrue();

            server.stop();
            server = newServer(port);
            server.start();

            assertThat(publishUntilReceived(bus, received, Duration.ofSeconds(10)))
                    .as("an event published after Redis restarted reaches the listener").isTrue();
        } finally {
            client.close();
            server.stop();
            vertx.closeAndAwait();
        }
    }

    private static RedisServer newServer(int port) throws IOException {
        return RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"").build();
    }

    /** Publishes an event every 100 ms (publishing fails while Redis is away) until one arrives, or the time is up. */
    private static boolean publishUntilReceived(RedisOrderEventBus bus, BlockingQueue<OrderChanged> received,
                                                Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            OrderChanged event = new OrderChanged(UUID.randomUUID(), UUID.randomUUID());
            try {
                bus.publish(event);
            } catch (RuntimeException redisNotBackYet) {
                Thread.sleep(100);
                continue;
            }
            OrderChanged got = received.poll(100, TimeUnit.MILLISECONDS);
            while (got != null && !got.equals(event)) got = received.poll(100, TimeUnit.MILLISECONDS);
            if (got != null) return true;
        }
        return false;
    }
}
