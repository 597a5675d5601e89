package dev.hexcore.adapters.persistence.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code exports}; see {@code V2__profiles_and_exports.sql}. Status and format are stored as their lower-case
 * codes. A filter export has no {@code profileId}; its filter bounds are the three {@code created*}/{@code sourceKey}
 * columns. Public only because Quarkus defines Hibernate's proxy classes in another class loader (test mode), which
 * cannot subclass a package-private class; nothing outside this package uses it.
 */
@Entity
@Table(name = "exports")
public class ExportEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "owner_key", nullable = false, length = 100)
    public String ownerKey;

    @Column(nullable = false, length = 8)
    public String format;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "profile_id")
    public UUID profileId;

    @Column(name = "created_after")
    public Instant createdAfter;

    @Column(name = "created_before")
    public Instant createdBefore;

    @Column(name = "source_key", length = 100)
    public String sourceKey;

    @Column(name = "progress_done", nullable = false)
    public long progressDone;

    @Column(name = "progress_total", nullable = false)
    public long progressTotal;

    @Column(columnDefinition = "text")
    public String error;

    @Column(nullable = false)
    public int attempts;

    /** The file's key in storage. */
    @Column(length = 512)
    public String path;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
