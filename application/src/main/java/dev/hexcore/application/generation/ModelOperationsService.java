package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEventQuery;
import dev.hexcore.domain.generation.GenerationEventReader;
import dev.hexcore.domain.generation.GenerationStats;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.util.List;

/** Admin-only views of the key pool and the generation events. */
public final class ModelOperationsService implements ModelOperationsUseCase {
    private final ModelKeyPool keys;
    private final GenerationEventReader events;
    private final Clock clock;

    public ModelOperationsService(ModelKeyPool keys, GenerationEventReader events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<ModelKeyStatus> keys(Actor actor) {
        requireAdmin(actor);
        return keys.status(clock.instant());
    }

    @Override
    public ModelKeyStatus setKeyEnabled(Actor actor, String keyId, boolean enabled, String reason) {
        requireAdmin(actor);
        String why = enabled ? null : (reason == null || reason.isBlank() ? "disabled by an admin" : reason.strip());
        if (!keys.setEnabled(keyId, enabled, why, clock.instant())) throw new NotFoundException("Model key");
        return keys.status(clock.instant()).stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Model key"));
    }

    @Override
    public Page<GenerationEvent> events(Actor actor, GenerationEventQuery query, PageRequest page) {
        requireAdmin(actor);
        return events.find(query, page);
    }

    @Override
    public List<GenerationStats> stats(Actor actor, GenerationEventQuery query) {
        requireAdmin(actor);
        return events.stats(query);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) throw new ForbiddenException("Only admins may see the model gateway's keys and events");
    }
}
