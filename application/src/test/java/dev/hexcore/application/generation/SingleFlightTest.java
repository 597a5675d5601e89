package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.generation.ModelUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
    private final SingleFlight<String> flights = new SingleFlight<>();

    @Test
    void the_first_caller_of_a_key_leads_and_the_next_follows_until_the_flight_ends() {
        SingleFlight.Joined<String> first = flights.join("k");
        SingleFlight.Joined<String> second = flights.join("k");
        SingleFlight.Joined<String> other = flights.join("other");

        assertThat(first).isInstanceOf(SingleFlight.Leader.class);
        assertThat(second).isInstanceOf(SingleFlight.Follower.class);
        assertThat(other).as("another key is another flight").isInstanceOf(SingleFlight.Leader.class);

        assertThat(flights.run((SingleFlight.Leader<String>) first, () -> "answer")).isEqualTo("answer");
        assertThat(flights.await((SingleFlight.Follower<String>) second, Duration.ofSeconds(1))).isEqualTo("answer");
        assertThat(flights.join("k")).as("a new flight once the last ended").isInstanceOf(SingleFlight.Leader.class);
    }

    @Test
    void a_follower_gets_the_leaders_exception() {
        SingleFlight.Leader<String> leader = (SingleFlight.Leader<String>) flights.join("k");
        SingleFlight.Follower<String> follower = (SingleFlight.Follower<String>) flights.join("k");
        IllegalStateException failure = new IllegalStateException("upstream broke");

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> flights.run(leader, () -> { throw failure; }));
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> flights.await(follower, Duration.ofSeconds(1))).isSameAs(failure);
        assertThat(flights.running()).isZero();
    }

    @Test
    void a_follower_waits_no_longer_than_it_may() throws Exception {
        SingleFlight.Leader<String> leader = (SingleFlight.Leader<String>) flights.join("k");
        SingleFlight.Follower<String> follower = (SingleFlight.Follower<String>) flights.join("k");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> flights.run(leader, () -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }));

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> flights.await(follower, Duration.ofMillis(20)))
                .isInstanceOf(SingleFlight.FlightTimedOut.class);
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }
}
