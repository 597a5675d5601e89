package dev.hexcore.application.roleplay;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Builds the roleplay conversation (a system instruction from scenario, role, target language and level; the history;
 * the learner's message) and asks the model gateway for the character's next line.
 */
public final class RoleplayService implements RoleplayUseCase {
    public static final String OPERATION = "roleplay_chat";
    static final int MAX_HISTORY = 50;
    static final int MAX_TEXT = 4000;
    static final int MAX_LABEL = 200;

    private final ModelGateway gateway;
    private final List<ModelRef> chain;
    private final Duration budget;

    public RoleplayService(ModelGateway gateway, List<ModelRef> chain, Duration budget) {
        this.gateway = gateway;
        this.chain = List.copyOf(chain);
        this.budget = budget;
    }

    @Override
    public CompletionStage<String> chat(Actor actor, RoleplayCommand command) {
        return gateway.reply(request(actor, command)).thenApply(ModelResult::text);
    }

    /** The gateway request for the conversation, after checking the caller and every field. */
    private ModelRequest request(Actor actor, RoleplayCommand command) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("Roleplay is for signed-in users");
        List<FieldError> errors = new ArrayList<>();
        text(errors, "scenario", command.scenario(), MAX_LABEL);
        text(errors, "role", command.role(), MAX_LABEL);
        text(errors, "message", command.message(), MAX_TEXT);
        text(errors, "target_language", command.targetLanguage(), 50);
        text(errors, "level", command.level(), 20);
        List<Turn> history = command.history() == null ? List.of() : command.history();
        if (history.size() > MAX_HISTORY) errors.add(new FieldError("history", "at most " + MAX_HISTORY + " turns"));
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < history.size() && i < MAX_HISTORY; i++) {
            Turn turn = history.get(i);
            ChatMessage.Role role = turn == null ? null : role(turn.role());
            if (role == null) {
                errors.add(new FieldError("history[" + i + "].role", "must be user or assistant"));
            } else if (turn.content() == null || turn.content().isBlank() || turn.content().length() > MAX_TEXT) {
                errors.add(new FieldError("history[" + i + "].content", "must be 1 to " + MAX_TEXT + " characters"));
            } else {
                messages.add(new ChatMessage(role, turn.content()));
            }
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        messages.add(ChatMessage.user(command.message()));

        return ModelRequest.chat(OPERATION, chain, messages)
                .system(system(command)).temperature(0.8).maxOutputTokens(512).budget(budget)
                .build();
    }

    static String system(RoleplayCommand c) {
        return "You are " + c.role().strip() + " in this scenario: " + c.scenario().strip() + ". Stay in character. "
                + "Answer only in " + c.targetLanguage().strip() + ", at CEFR level " + c.level().strip()
                + ": short sentences and words a learner at that level knows. Reply with your next line only.";
    }

    private static ChatMessage.Role role(String role) {
        if (role == null) return null;
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "user", "human", "learner" -> ChatMessage.Role.USER;
            case "assistant", "model", "ai", "bot", "character" -> ChatMessage.Role.ASSISTANT;
            default -> null;
        };
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "must not be blank"));
        else if (value.length() > max) errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
}
