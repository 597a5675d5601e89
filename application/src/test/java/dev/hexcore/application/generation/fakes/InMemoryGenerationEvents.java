package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps recorded events in a list; {@link #failing()} makes every record throw, like a database that is down. */
public final class InMemoryGenerationEvents implements GenerationEvents {
    private final List<GenerationEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void record(GenerationEvent event) {
        if (failing) throw new IllegalStateException("event store is down");
        events.add(event);
    }

    public InMemoryGenerationEvents failing() {
        failing = true;
        return this;
    }

    public List<GenerationEvent> all() {
        return events;
    }

    public GenerationEvent last() {
        return events.get(events.size() - 1);
    }
}
