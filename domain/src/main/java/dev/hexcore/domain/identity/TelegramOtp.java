package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time login code sent to a Telegram user (seed 004: 6 digits, valid 5 minutes). Only the code's hash is kept;
 * it is compared in constant time, works once, and dies after {@link #MAX_ATTEMPTS} wrong guesses.
 *
 * @param codeHash SHA-256 hex of {@code telegramId:code} (see {@link #hash})
 * @param attempts wrong guesses so far
 */
public record TelegramOtp(long telegramId, String codeHash, Instant expiresAt, int attempts) {
    public static final int DIGITS = 6;
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration TTL = Duration.ofMinutes(5);

    /** A fresh code's record, {@link #TTL} from {@code now}. */
    public static TelegramOtp issue(long telegramId, String code, Instant now) {
        return new TelegramOtp(telegramId, hash(telegramId, code), now.plus(TTL), 0);
    }

    /**
     * Bound to the Telegram id, so one stored hash says nothing about another id's code. Six digits are a small space:
     * the hash keeps the code out of reach of a casual read of the table, and the five-minute life and five attempts
     * are what protect it.
     */
    public static String hash(long telegramId, String code) {
        return Sha256.hex(telegramId + ":" + code);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Constant-time comparison of {@code code}'s hash with the stored one. */
    public boolean matches(String code) {
        return MessageDigest.isEqual(hash(telegramId, code).getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** This code after one more wrong guess. */
    public TelegramOtp withFailedAttempt() {
        return new TelegramOtp(telegramId, codeHash, expiresAt, attempts + 1);
    }

    public boolean isExhausted() {
        return attempts >= MAX_ATTEMPTS;
    }
}
