package dev.hexcore.domain.shared;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Time-ordered UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version, 74 random bits. */
public final class UuidV7Generator implements IdGenerator {
    private final Clock clock;
    private final RandomGenerator random;

    public UuidV7Generator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public UUID next() {
        long millis = clock.millis();
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
