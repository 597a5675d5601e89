package dev.hexcore.adapters.persistence.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code api_keys}. Only the SHA-256 of the secret and its display prefix are stored. Public only because Quarkus defines Hibernate's proxy
 * classes in another class loader (test mode), which cannot subclass a package-private class; nothing outside this
 * package uses it.
 */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String label;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "key_hash", nullable = false, length = 64)
    public String keyHash;

    @Column(name = "display_prefix", nullable = false, length = 32)
    public String displayPrefix;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> scopes;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "rate_limit_per_min")
    public Integer rateLimitPerMin;

    /** Written on insert and by the batched last-used flush only, so an update never moves it backwards. */
    @Column(name = "last_used_at", updatable = false)
    public Instant lastUsedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
