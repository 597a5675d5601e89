package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.NotFoundException;
import java.util.UUID;

/** Ids in paths are taken as text: a malformed id names a resource that does not exist (404), not a missing route. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what);
        }
    }

    /** A positive whole number in a path (a Telegram user id); anything else names nothing (404). */
    public static long positiveLong(String value, String what) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // not a number: falls through to 404
        }
        throw new NotFoundException(what);
    }

    /** A Telegram chat id in a path (non-zero, at most 2^52 - 1 in size); anything else names no bot user (404). */
    public static long chatId(String value) {
        try {
            long chatId = Long.parseLong(value);
            if (chatId != 0 && Math.abs(chatId) <= dev.hexcore.domain.bot.ChatId.MAX) return chatId;
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw new NotFoundException("Bot user");
    }
}
