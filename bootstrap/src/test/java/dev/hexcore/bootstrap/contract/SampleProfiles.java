package dev.hexcore.bootstrap.contract;

import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Profiles for the persistence contracts: one fixed, complete person, stored under whatever owner and times a test needs. */
final class SampleProfiles {
    static final PersonProfile PERSON = new PersonProfile("ru", "Иванов Иван Иванович", "Иванов", "Иван", "Иванович",
            PersonProfile.MALE, LocalDate.of(1990, 3, 14), "г. Москва",
            new Passport("4510", "123456", "ГУ МВД России по г. Москве", LocalDate.of(2010, 5, 1), "770-001"),
            "771234567890", "123-456-789 01",
            new Address("г. Москва", "Москва", "ул. Тверская", "7", "12", "125009"),
            "+7 916 123-45-67", "ivanov@example.test",
            new Finance("ПАО Сбербанк", "044525225", "30101810400000000225", "40817810000000000001",
                    "2200123456789010", "12/29", "IVAN IVANOV", new Money(new BigDecimal("85000"), "RUB"),
                    Money.rub(30000), "ООО Ромашка", "7701234567", "1027700132195", "Инженер", 60));

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
