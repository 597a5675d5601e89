package dev.hexcore.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void theFirstCallerPassesAndTheNextOnesWaitForThePeriod() {
        Throttle throttle = new Throttle(Duration.ofHours(1));
        assertThat(throttle.tryPass()).isTrue();
        assertThat(throttle.tryPass()).isFalse();
        assertThat(throttle.tryPass()).isFalse();
    }

    @Test
    void afterThePeriodOneMoreCallerPasses() throws InterruptedException {
        Throttle throttle = new Throttle(Duration.ofMillis(20));
        assertThat(throttle.tryPass()).isTrue();
        Thread.sleep(40);
        assertThat(throttle.tryPass()).isTrue();
        assertThat(throttle.tryPass()).isFalse();
    }

    @Test
    void ofManyCallersArrivingTogetherExactlyOnePasses() throws Exception {
        Throttle throttle = new Throttle(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> passes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                passes.add(pool.submit(() -> {
                    start.await();
                    return throttle.tryPass();
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> pass : passes) passed += pass.get() ? 1 : 0;
            assertThat(passed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
