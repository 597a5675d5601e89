package dev.hexcore.application.identity;

import java.time.Duration;

/**
 * Seed 004's Telegram login: a 6-digit code sent through the bot, exchanged for the usual token pair. Both steps answer
 * the same whether or not an account is linked to the Telegram id, so they cannot be used to find out which ids are.
 */
public interface TelegramLoginUseCase {
    /** What the caller learns after asking for a code: how long a code lives (never whether one was sent). */
    record CodeRequested(Duration expiresIn) {
    }

    /**
     * Sends a fresh code to the account linked to {@code telegramId} (replacing an earlier one). Throttled per Telegram
     * id (TooManyRequestsException OTP_THROTTLED), for unknown ids too.
     */
    CodeRequested sendCode(long telegramId);

    /** The token pair, or AuthenticationException INVALID_OTP (wrong, expired, used up, or no such code). */
    TokenPair verify(long telegramId, String code);
}
