package dev.hexcore.domain.identity;

import java.util.Optional;

/**
 * The one pending login code per Telegram id, shared by every replica. All methods run inside the caller's
 * transaction.
 */
public interface TelegramOtpRepository {
    /** Stores {@code otp}, replacing any earlier code for the same Telegram id (a new code invalidates the old one). */
    void replace(TelegramOtp otp);

    /** The pending code, locked until the transaction ends, so two concurrent verifications cannot both use it. */
    Optional<TelegramOtp> lock(long telegramId);

    /** Records a wrong guess (the new attempt count). */
    void update(TelegramOtp otp);

    void delete(long telegramId);
}
