package dev.hexcore.application.roleplay;

import dev.hexcore.domain.identity.Actor;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Seed 002's roleplay chat: the model plays a character in a scenario, in the learner's target language and level. */
public interface RoleplayUseCase {
    /** One earlier turn; {@code role} is "user" or "assistant" ("model", "ai" and "bot" are read as assistant). */
    record Turn(String role, String content) {
    }

    record RoleplayCommand(String scenario, String role, String message, List<Turn> history, String targetLanguage,
                           String level) {
    }

    /**
     * The character's next line. Refuses a bad command or caller at once (thrown); otherwise the stage is complete on
     * return when this instance already holds the answer (the same conversation was answered before), without
     * blocking, and completes later, on the gateway's worker threads, when the model has to be asked.
     */
    CompletionStage<String> chat(Actor actor, RoleplayCommand command);
}
