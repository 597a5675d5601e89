package dev.hexcore.adapters.persistence.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code users}; see {@code V1__identity.sql}. Roles are stored by their lower-case wire names. Public only because Quarkus defines Hibernate's proxy
 * classes in another class loader (test mode), which cannot subclass a package-private class; nothing outside this
 * package uses it.
 */
@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 50)
    public String username;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "native_language", nullable = false, length = 50)
    public String nativeLanguage;

    @Column(name = "target_language", nullable = false, length = 50)
    public String targetLanguage;

    @Column(nullable = false)
    public long xp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "language_levels", nullable = false)
    public Map<String, String> languageLevels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> interests;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** See {@code V4__tokens_valid_after.sql}. */
    @Column(name = "tokens_valid_after")
    public Instant tokensValidAfter;

    /** See {@code V40__users_telegram_id.sql}. */
    @Column(name = "telegram_id")
    public Long telegramId;

    /** See {@code V61__gamification.sql}: an IANA zone id. */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;
}
