package dev.hexcore.application.bot;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.shared.ForbiddenException;

/** The bot's routes are for the bot's own backend: an API key with the {@code bot} scope (or an admin). */
public final class BotAccess {
    private BotAccess() {
    }

    public static void require(Actor actor) {
        if (!actor.isAdmin() && !actor.scopes().contains(ApiKeyScope.BOT)) {
            throw new ForbiddenException("The bot routes need an API key with the 'bot' scope");
        }
    }
}
