package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.List;

/** Reads recorded gateway calls for operators. */
public interface GenerationEventReader {
    /** Newest first. */
    Page<GenerationEvent> find(GenerationEventQuery query, PageRequest page);

    /** One row per operation, provider and model, busiest first. */
    List<GenerationStats> stats(GenerationEventQuery query);
}
