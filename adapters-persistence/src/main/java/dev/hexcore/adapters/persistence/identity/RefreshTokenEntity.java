package dev.hexcore.adapters.persistence.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code refresh_tokens}. The user is referenced by id only: the aggregate boundary stops there. Public only because Quarkus defines Hibernate's proxy
 * classes in another class loader (test mode), which cannot subclass a package-private class; nothing outside this
 * package uses it.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Set on insert or by the conditional UPDATEs of the repository only, never cleared by a later save. */
    @Column(name = "used_at", updatable = false)
    public Instant usedAt;

    /** Set on insert or by the conditional UPDATEs of the repository only, never cleared by a later save. */
    @Column(name = "revoked_at", updatable = false)
    public Instant revokedAt;
}
