package dev.hexcore.application.generation;

import java.time.Duration;

/** How the gateway waits for a key to recover or before a retry; tests pass one that only moves a fake clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
