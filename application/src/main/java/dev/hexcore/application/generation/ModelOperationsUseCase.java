package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEventQuery;
import dev.hexcore.domain.generation.GenerationStats;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.List;

/** What operators (admins) see and do about the model gateway: provider keys and recorded calls. */
public interface ModelOperationsUseCase {
    List<ModelKeyStatus> keys(Actor actor);

    /** Disables (with a reason) or re-enables a key; 404 when no key has that id. */
    ModelKeyStatus setKeyEnabled(Actor actor, String keyId, boolean enabled, String reason);

    Page<GenerationEvent> events(Actor actor, GenerationEventQuery query, PageRequest page);

    List<GenerationStats> stats(Actor actor, GenerationEventQuery query);
}
