package dev.hexcore.adapters.persistence.profile;

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
 * Row of {@code profiles}; see {@code V2__profiles_and_exports.sql}. {@code payload} is the JSON text written by
 * {@link ProfilePayloadJson} (Hibernate passes strings through to {@code jsonb} unchanged). Rows are inserted and
 * read with plain SQL ({@link PanacheProfileRepository}, {@link PostgresProfileReader}); the entity serves the
 * soft-delete update and Hibernate's schema validation. Public only because
 * Quarkus defines Hibernate's proxy classes in another class loader (test mode), which cannot subclass a
 * package-private class; nothing outside this package uses it.
 */
@Entity
@Table(name = "profiles")
public class ProfileEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "source_key", nullable = false, length = 100)
    public String sourceKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
