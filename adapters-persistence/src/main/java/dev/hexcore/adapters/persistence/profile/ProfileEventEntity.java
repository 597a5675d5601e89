package dev.hexcore.adapters.persistence.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code profile_events}: an audit record, written once and removed only with its profile. Public only
 * because Quarkus defines Hibernate's proxy classes in another class loader (test mode), which cannot subclass a
 * package-private class; nothing outside this package uses it.
 */
@Entity
@Table(name = "profile_events")
public class ProfileEventEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(nullable = false, length = 64)
    public String type;

    @Column(name = "actor_key", length = 100)
    public String actorKey;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
