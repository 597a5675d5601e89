package dev.hexcore.application.roleplay;

import dev.hexcore.domain.identity.Actor;
import java.util.List;
import java.util.Optional;

/** Seed 002's roleplay chat: the model plays a character in a scenario, in the learner's target language and level. */
public interface RoleplayUseCase {
    /** One earlier turn; {@code role} is "user" or "assistant" ("model", "ai" and "bot" are read as assistant). */
    record Turn(String role, String content) {
    }

    record RoleplayCommand(String scenario, String role, String message, List<Turn> history, String targetLanguage,
                           String level) {
    }

    /** The character's next line. */
    String chat(Actor actor, RoleplayCommand command);

    /**
     * The character's next line if this instance already holds it (the same conversation was answered before),
     * without blocking; empty otherwise, and then {@link #chat} answers on a thread that may block. Refuses what
     * {@link #chat} refuses.
     */
    Optional<String> chatIfHeld(Actor actor, RoleplayCommand command);
}
