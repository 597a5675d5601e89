package dev.hexcore.application.generation.fakes;

import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** "Sleeps" by moving the fake clock forward, and remembers each wait. */
public final class ClockSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ClockSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    public List<Duration> sleeps() {
        return sleeps;
    }
}
