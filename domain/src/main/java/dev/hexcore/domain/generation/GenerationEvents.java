package dev.hexcore.domain.generation;

/** Where gateway calls are recorded ({@code ai_generation_events}). */
public interface GenerationEvents {
    void record(GenerationEvent event);
}
