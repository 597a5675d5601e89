package dev.hexcore.bootstrap.contract;

import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.testing.SamplePeople;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** Profiles for the persistence contracts: one fixed, complete person, stored under whatever owner and times a test needs. */
final class SampleProfiles {
    static final PersonProfile PERSON = SamplePeople.person("Иванов");

    /** The order PostgreSQL gives {@code created_at, id}: uuids compare as unsigned bytes, as their text does. */
    static final Comparator<Profile> OLDEST_FIRST = Comparator.comparing(Profile::createdAt)
            .thenComparing(profile -> profile.id().toString());

    private SampleProfiles() {
    }

    static Profile profile(String owner, Instant createdAt) {
        return Profile.create(UUID.randomUUID(), PERSON, owner, createdAt, null);
    }

    static Profile expiring(String owner, Instant createdAt, Instant expiresAt) {
        return Profile.create(UUID.randomUUID(), PERSON, owner, createdAt, expiresAt);
    }

    static Profile deleted(String owner, Instant createdAt, Instant deletedAt) {
        return Profile.restore(UUID.randomUUID(), PERSON, owner, createdAt, null, deletedAt);
    }
}
