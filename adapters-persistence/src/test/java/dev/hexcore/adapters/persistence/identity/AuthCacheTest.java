package dev.hexcore.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lifetime bound that makes a change on another replica effective within a second (ADR 0003, ADR 0029). */
class AuthCacheTest {
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String key) {
        return Optional.of(key + loads.incrementAndGet());
    }

    @Test
    void anEntryIsServedFromTheCacheWithinItsLifetime() {
        AuthCache<String, String> cache = new AuthCache<>(Duration.ofMillis(500), null);
        assertThat(cache.get("k", this::load)).contains("k1");
        assertThat(cache.get("k", this::load)).contains("k1");
        assertThat(loads).hasValue(1);
    }

    /** Configured longer, an entry still lives at most half a second, leaving room for a slow lookup within 1 s. */
    @Test
    void aLongerConfiguredLifetimeIsClampedToHalfASecond() throws InterruptedException {
        AuthCache<String, String> cache = new AuthCache<>(Duration.ofSeconds(30), null);
        cache.get("k", this::load);
        Thread.sleep(AuthCache.MAX_TTL.toMillis() + 100);
        assertThat(cache.get("k", this::load)).as("reloaded after the clamped lifetime").contains("k2");
        assertThat(AuthCache.MAX_TTL).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void zeroDisablesCaching() {
        AuthCache<String, String> cache = new AuthCache<>(Duration.ZERO, null);
        cache.get("k", this::load);
        cache.get("k", this::load);
        assertThat(loads).hasValue(2);
    }
}
