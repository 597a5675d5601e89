package dev.hexcore.application.recommendation;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.recommendation.Recommendation;

/** Seed 000: a customer's AI recommendations, for the customer themselves or a manager. */
public interface RecommendationsUseCase {
    /** The cached recommendation of the caller's scope; 404 when none was generated yet (or it expired). */
    Recommendation get(Actor actor, long telegramId);

    /**
     * A fresh recommendation (blocking: the model call takes seconds), cached for the next {@link #get}. Concurrent
     * calls for the same scope share one model call; a call within the cooldown of the last one is refused with 429.
     */
    Recommendation generate(Actor actor, long telegramId);
}
