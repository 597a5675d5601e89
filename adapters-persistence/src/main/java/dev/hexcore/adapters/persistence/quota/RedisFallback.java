package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.adapters.persistence.shared.Throttle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a blocking Redis call and, when it fails or does not answer within {@link #TIMEOUT}, the in-memory alternative
 * instead: counts it in {@value #METRIC} (tagged with the store) and warns at most every 10 s. Never throws because of
 * Redis.
 */
final class RedisFallback {
    /** Generous next to a model call's seconds; a call that timed out may still have counted in Redis (over, never under). */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final String METRIC = "hexcore.modelquota.redis.fallbacks";
    private static final Logger LOG = Logger.getLogger(RedisFallback.class);

    private final String store;
    private final Counter fallbacks;
    private final Throttle warnings = new Throttle(Duration.ofSeconds(10));

    RedisFallback(String store, MeterRegistry meters) {
        this.store = store;
        this.fallbacks = Counter.builder(METRIC).tag("store", store)
                .description("Model quota calls answered in memory because Redis failed or was too slow")
                .register(meters);
    }

    <T> T call(Supplier<T> redis, Supplier<T> memory) {
        try {
            return redis.get();
        } catch (RuntimeException failure) {
            fallbacks.increment();
            warnAtMostEvery10s(failure);
            return memory.get();
        }
    }

    /** For a call not waited for: Redis failed with {@code failure} (or timed out), so {@code memory} runs instead. */
    void fellBack(Throwable failure, Runnable memory) {
        fallbacks.increment();
        warnAtMostEvery10s(failure);
        memory.run();
    }

    void run(Runnable redis, Runnable memory) {
        call(() -> {
            redis.run();
            return null;
        }, () -> {
            memory.run();
            return null;
        });
    }

    /** Logs the failure's type only: a message could name keys and projects. */
    private void warnAtMostEvery10s(Throwable failure) {
        if (warnings.tryPass()) {
            LOG.warnf("Redis %s failed (%s); answering from memory on this replica, see metric %s", store,
                    failure.getClass().getSimpleName(), METRIC);
        }
    }
}
