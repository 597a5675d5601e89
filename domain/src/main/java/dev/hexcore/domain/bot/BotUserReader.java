package dev.hexcore.domain.bot;

import java.util.Optional;

/** Reads bot users (one statement per read); inside a unit of work it sees that transaction's writes. */
public interface BotUserReader {
    Optional<BotUser> find(long chatId);
}
