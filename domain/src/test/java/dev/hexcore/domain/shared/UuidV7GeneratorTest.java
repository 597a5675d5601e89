package dev.hexcore.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import dev.hexcore.domain.testing.MutableClock;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidV7GeneratorTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00.123Z");

    /** A clock the test moves by hand. */
    /** A generator whose every draw is the same bits, to check the masks. */
    private static RandomGenerator constant(long bits) {
        return () -> bits;
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, -1L, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL})
    void version_is_7_and_variant_is_rfc_9562_whatever_the_random_bits(long bits) {
        UUID id = new UuidV7Generator(Clock.fixed(START, ZoneOffset.UTC), constant(bits)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString().charAt(14)).isEqualTo('7');
        assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
        assertThat(id.getMostSignificantBits() >>> 16).as("random bits never leak into the timestamp")
                .isEqualTo(START.toEpochMilli());
    }

    @Test
    void version_and_variant_hold_for_many_random_draws() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(START, ZoneOffset.UTC), new SplittableRandom(1));
        for (int i = 0; i < 1_000; i++) {
            UUID id = generator.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 1_740_823_200_123L, 0xFFFF_FFFF_FFFFL >>> 1})
    void the_first_48_bits_are_the_clock_in_unix_milliseconds(long millis) {
        UUID id = new UuidV7Generator(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC),
                new SplittableRandom(3)).next();

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(Long.parseLong(id.toString().replace("-", "").substring(0, 12), 16)).isEqualTo(millis);
    }

    @Test
    void ids_are_time_ordered_when_the_clock_moves_forward() {
        MutableClock clock = new MutableClock(START);
        UuidV7Generator generator = new UuidV7Generator(clock, new SplittableRandom(42));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            clock.set(START.plusMillis(i * 7L + (i % 3)));
            ids.add(generator.next());
        }

        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("UUID order at %d", i).isGreaterThan(ids.get(i - 1));
            assertThat(ids.get(i).toString()).as("text order at %d", i).isGreaterThan(ids.get(i - 1).toString());
        }
    }

    @Test
    void ids_drawn_in_the_same_millisecond_are_distinct() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(START, ZoneOffset.UTC), new SplittableRandom(9));
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) ids.add(generator.next());

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void ids_drawn_in_the_same_millisecond_or_after_the_clock_stepped_back_still_increase() {
        MutableClock clock = new MutableClock(START);
        UuidV7Generator generator = new UuidV7Generator(clock, new SplittableRandom(3));
        UUID previous = generator.next();
        for (int i = 0; i < 10_000; i++) {
            if (i == 5_000) clock.set(START.minusSeconds(5));
            UUID next = generator.next();
            assertThat(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()))
                    .as("id %d", i).isPositive();
            assertThat(next.version()).isEqualTo(7);
            previous = next;
        }
        assertThat(previous.getMostSignificantBits() >>> 16).as("at most a few ms borrowed from the future")
                .isBetween(START.toEpochMilli(), START.toEpochMilli() + 10);
    }
}
