package dev.hexcore.domain.bot;

import dev.hexcore.domain.shared.InvalidValueException;

/** Telegram chat ids are non-zero 52-bit integers (negative for groups); anything else is refused. */
public final class ChatId {
    /** Telegram documents chat ids as fitting in 52 bits. */
    public static final long MAX = (1L << 52) - 1;

    private ChatId() {
    }

    public static long check(long chatId) {
        if (chatId == 0 || Math.abs(chatId) > MAX) {
            throw new InvalidValueException("chat_id", "must be a non-zero Telegram chat id (at most 2^52 - 1 in size)");
        }
        return chatId;
    }
}
