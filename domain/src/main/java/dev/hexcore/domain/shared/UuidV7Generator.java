package dev.hexcore.domain.shared;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version, a 12-bit counter, 62 random bits. Ids from one
 * generator strictly increase, also within a millisecond (the counter starts at a random value below 2048 each
 * millisecond and counts up; RFC 9562 §6.2, method 1) and when the clock steps back: a batch created in one call
 * sorts in the order it was made.
 */
public final class UuidV7Generator implements IdGenerator {
    private static final long COUNTER_MAX = 0xFFFL;
    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long counter;

    public UuidV7Generator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextLong() & 0x7FFL;
        } else if (++counter > COUNTER_MAX) {
            lastMillis++;
            counter = random.nextLong() & 0x7FFL;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
