package dev.hexcore.adapters.persistence.generation;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEvents;
import java.util.concurrent.Executor;

/**
 * Hands each event to {@code writes} (a background thread in production) instead of inserting it on the caller's
 * thread: events are best-effort analytics, and a gateway call, a cache hit above all, should not wait for the insert.
 * An event shows in the admin API once its write has run, normally milliseconds later.
 */
public final class BackgroundGenerationEvents implements GenerationEvents {
    private final GenerationEvents events;
    private final Executor writes;

    public BackgroundGenerationEvents(GenerationEvents events, Executor writes) {
        this.events = events;
        this.writes = writes;
    }

    @Override
    public void record(GenerationEvent event) {
        writes.execute(() -> events.record(event));
    }
}
