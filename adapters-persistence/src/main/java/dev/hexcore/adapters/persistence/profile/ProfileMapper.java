package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileEvent;
import dev.hexcore.domain.profile.ProfileView;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Copies between {@link Profile} and its row: plain JDBC (batch insert, cursor), a view, an event entity. */
final class ProfileMapper {
    /** The columns {@link #fromRow} reads, in a {@code select}. */
    static final String COLUMNS = "id, payload::text as payload, source_key, created_at, expires_at, deleted_at";
    /** Binds with {@link #bindInsert}. */
    static final String INSERT = "insert into profiles (id, payload, source_key, created_at, expires_at, deleted_at) "
            + "values (?, ?::jsonb, ?, ?, ?, ?)";

    private ProfileMapper() {
    }

    /** A visible profile (not deleted) from its view, the payload parsed. */
    static Profile toDomain(ProfileView view) {
        return Profile.restore(view.id(), ProfilePayloadJson.read(view.payloadJson()), view.sourceKey(), view.createdAt(),
                view.expiresAt(), null);
    }

    static Profile fromRow(ResultSet row) throws SQLException {
        return Profile.restore(row.getObject("id", UUID.class), ProfilePayloadJson.read(row.getString("payload")),
                row.getString("source_key"), Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "expires_at"),
                Jdbc.getInstant(row, "deleted_at"));
    }

    static void bindInsert(PreparedStatement insert, Profile profile) throws SQLException {
        insert.setObject(1, profile.id());
        insert.setString(2, ProfilePayloadJson.write(profile.payload()));
        insert.setString(3, profile.sourceKey());
        Jdbc.setInstant(insert, 4, profile.createdAt());
        Jdbc.setInstant(insert, 5, profile.expiresAt());
        Jdbc.setInstant(insert, 6, profile.deletedAt());
    }

    static ProfileEventEntity toEntity(ProfileEvent event) {
        ProfileEventEntity e = new ProfileEventEntity();
        e.id = event.id();
        e.profileId = event.profileId();
        e.type = event.type();
        e.actorKey = event.actorKey();
        e.occurredAt = event.occurredAt();
        return e;
    }
}
