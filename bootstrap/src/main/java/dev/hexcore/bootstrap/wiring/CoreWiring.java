package dev.hexcore.bootstrap.wiring;

import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.UuidV7Generator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Time, randomness and ids for the whole application: the only place they are chosen. */
public class CoreWiring {
    /** UTC, ticking in microseconds: what PostgreSQL stores, so an instant reads back as it was written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Cryptographically strong: it makes API keys and refresh tokens. */
    @Produces
    @Singleton
    RandomGenerator secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    IdGenerator ids(Clock clock, RandomGenerator random) {
        return new UuidV7Generator(clock, random);
    }
}
