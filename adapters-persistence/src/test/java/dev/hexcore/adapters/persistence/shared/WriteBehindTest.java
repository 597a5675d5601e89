package dev.hexcore.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The background writer of cache entries and generation events: order, a bounded queue that never blocks, close. */
class WriteBehindTest {
    @Test
    void writesRunInTheOrderTheyWereHandedOver() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(50);
        try (WriteBehind writes = new WriteBehind("test", 100)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.execute(() -> {
                    done.add(n);
                    all.countDown();
                });
            }
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(done).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void aFullQueueDropsNewWritesInsteadOfBlockingAndAFailedWriteDoesNotStopTheOthers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        try (WriteBehind writes = new WriteBehind("test", 2)) {
            writes.execute(() -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.add("slow");
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            // the background thread is busy: two writes may wait, a third is dropped
            writes.execute(() -> {
                throw new IllegalStateException("database down");
            });
            writes.execute(() -> done.add("third"));
            long before = System.nanoTime();
            writes.execute(() -> done.add("dropped"));
            assertThat(System.nanoTime() - before).as("the caller never waits").isLessThan(TimeUnit.SECONDS.toNanos(1));
            release.countDown();
        }
        assertThat(done).containsExactly("slow", "third");
    }

    @Test
    void closingRunsWhatIsStillWaiting() {
        List<Integer> done = new CopyOnWriteArrayList<>();
        WriteBehind writes = new WriteBehind("test", 10);
        for (int i = 0; i < 5; i++) {
            int n = i;
            writes.execute(() -> done.add(n));
        }
        writes.close();
        assertThat(done).containsExactly(0, 1, 2, 3, 4);
    }
}
