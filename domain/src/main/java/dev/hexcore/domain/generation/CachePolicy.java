package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Duration;

/**
 * Whether a request may be answered from the response cache, and how long its answer stays there.
 * {@link #bypass()} neither reads nor writes the cache.
 */
public record CachePolicy(boolean enabled, Duration ttl) {
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    public CachePolicy {
        if (enabled && (ttl == null || ttl.isNegative() || ttl.isZero())) {
            throw new InvalidValueException("cache.ttl", "must be positive");
        }
        if (!enabled) ttl = null;
    }

    public static CachePolicy use(Duration ttl) {
        return new CachePolicy(true, ttl);
    }

    public static CachePolicy useDefault() {
        return use(DEFAULT_TTL);
    }

    public static CachePolicy bypass() {
        return new CachePolicy(false, null);
    }
}
