package dev.hexcore.adapters.persistence.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code telegram_otps}; see {@code V41__telegram_otps.sql}. Public for Hibernate's proxies only. */
@Entity
@Table(name = "telegram_otps")
public class TelegramOtpEntity extends PanacheEntityBase {
    @Id
    @Column(name = "telegram_id")
    public Long telegramId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int attempts;
}
