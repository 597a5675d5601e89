package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.identity.TelegramOtp;
import dev.hexcore.domain.identity.TelegramOtpRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** {@link TelegramOtpRepository} on PostgreSQL; every method joins the caller's transaction. */
@ApplicationScoped
public class PanacheTelegramOtpRepository implements TelegramOtpRepository {
    @Override
    public void replace(TelegramOtp otp) {
        TelegramOtpEntity.getEntityManager().createNativeQuery("""
                        insert into telegram_otps (telegram_id, code_hash, expires_at, attempts) values (?1, ?2, ?3, 0)
                        on conflict (telegram_id) do update
                        set code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0""")
                .setParameter(1, otp.telegramId())
                .setParameter(2, otp.codeHash())
                .setParameter(3, otp.expiresAt())
                .executeUpdate();
    }

    @Override
    public Optional<TelegramOtp> lock(long telegramId) {
        return TelegramOtpEntity.<TelegramOtpEntity>findByIdOptional(telegramId, LockModeType.PESSIMISTIC_WRITE)
                .map(e -> new TelegramOtp(e.telegramId, e.codeHash, e.expiresAt, e.attempts));
    }

    @Override
    public void update(TelegramOtp otp) {
        TelegramOtpEntity entity = TelegramOtpEntity.findById(otp.telegramId());
        if (entity != null) entity.attempts = otp.attempts();
    }

    @Override
    public void delete(long telegramId) {
        TelegramOtpEntity.deleteById(telegramId);
    }
}
