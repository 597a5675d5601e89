package dev.hexcore.bootstrap.wiring;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether a Redis server is configured; everything Redis-backed falls back to memory when it is not. */
@Singleton
public class RedisSettings {
    private final boolean configured;

    public RedisSettings(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts) {
        this.configured = hosts.filter(h -> !h.isBlank()).isPresent();
    }

    public boolean configured() {
        return configured;
    }
}
