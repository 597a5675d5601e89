package dev.hexcore.adapters.persistence.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller through per period, without a lock: for a warning that would otherwise be logged on every request
 * while a store is down. The first caller passes at once.
 */
public final class Throttle {
    private final long periodNanos;
    private final AtomicLong nextNanos = new AtomicLong(System.nanoTime());

    public Throttle(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** True for the first caller of each period (one caller wins when several arrive together). */
    public boolean tryPass() {
        long now = System.nanoTime();
        long next = nextNanos.get();
        return now - next >= 0 && nextNanos.compareAndSet(next, now + periodNanos);
    }
}
