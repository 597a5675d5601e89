package dev.hexcore.adapters.persistence.shared;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs best-effort writes (cache entries, analytics events) on one background thread, in the order they were
 * handed over, so the request that produced them does not wait for the database. Never blocks the caller (who may be
 * on an I/O thread): when {@code capacity} writes are already waiting (the database is down or far too slow), a new
 * one is dropped, with a warning at most every 10 s. A write that fails is logged and dropped; nothing is retried.
 * {@link #close} runs what is still queued.
 */
public final class WriteBehind implements Executor, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WriteBehind.class);

    private final String name;
    private final ThreadPoolExecutor executor;
    private final Throttle dropWarnings = new Throttle(Duration.ofSeconds(10));

    /** {@code name} names the thread and the writes in log lines (e.g. "response cache"). */
    public WriteBehind(String name, int capacity) {
        this.name = name;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                work -> {
                    Thread thread = new Thread(work, "write-behind " + name);
                    thread.setDaemon(true);
                    return thread;
                }, (write, pool) -> warnDropped());
    }

    /** Runs {@code write} soon on the background thread, or drops it when the queue is full; a failure is logged. */
    @Override
    public void execute(Runnable write) {
        executor.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "A background write of %s failed; it is dropped", name);
            }
        });
    }

    private void warnDropped() {
        if (dropWarnings.tryPass()) {
            LOG.warnf("%s background writes are waiting; new ones of %s are dropped", executor.getQueue().size(), name);
        }
    }

    /** Stops taking writes and runs the queued ones, waiting up to 10 s. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("%d background writes (%s) did not finish before shutdown", executor.getQueue().size(), name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
