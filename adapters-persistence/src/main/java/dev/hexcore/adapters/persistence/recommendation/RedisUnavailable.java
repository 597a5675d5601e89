package dev.hexcore.adapters.persistence.recommendation;

import dev.hexcore.domain.shared.UnavailableException;
import java.util.function.Supplier;

/**
 * Runs a Redis call of the recommendation cache or locks, which have no other home: when Redis fails (refused, reset,
 * timed out) the failure becomes an {@link UnavailableException} with code {@value #CODE}, which the REST adapter
 * answers with 503 and {@code Retry-After} (ADR 0030). The message names neither the key nor the Redis error.
 */
final class RedisUnavailable {
    static final String CODE = "RECOMMENDATIONS_UNAVAILABLE";

    private RedisUnavailable() {
    }

    static <T> T call(Supplier<T> redis) {
        try {
            return redis.get();
        } catch (RuntimeException e) {
            UnavailableException unavailable = new UnavailableException(CODE,
                    "Recommendations are kept in Redis, which does not answer right now; try again shortly", null);
            unavailable.addSuppressed(e);
            throw unavailable;
        }
    }

    static void run(Runnable redis) {
        call(() -> {
            redis.run();
            return null;
        });
    }
}
