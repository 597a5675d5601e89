package dev.hexcore.adapters.documents.export;

import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Hand-written profiles with valid checksums: a Moscow man in Cyrillic, a St Petersburg woman in Latin, a third. */
final class ProfileFixtures {
    static final String LONG_ISSUER = "Отделением УФМС России по гор. Москве по району Хамовники, "
            + "Главное управление по вопросам миграции МВД России";

    private ProfileFixtures() {
    }

    /** {@code ru}, expires 30 days after creation, a long "issued by" that must wrap. */
    static Profile ivanovRu() {
        PersonProfile person = new PersonProfile("ru", "Иванов Сергей Петрович", "Иванов", "Сергей", "Петрович",
                PersonProfile.MALE, LocalDate.of(1985, 3, 14), "г. Москва",
                new Passport("4510", "123456", LONG_ISSUER, LocalDate.of(2010, 4, 2), "770-045"),
                "770412345664", "112-233-445 95",
                new Address("г. Москва", "Москва", "ул. Льва Толстого", "16", "42", "119021"),
                "+7 (916) 123-45-67", "s.ivanov@example.ru",
                new Finance("ПАО Сбербанк", "044525225", "30101810400000000225", "40817810938160925982",
                        "2200123456789019", "08/29", "SERGEY IVANOV", Money.rub(85_000),
                        new Money(new BigDecimal("42350.5"), "RUB"), "ООО «Ромашка»", "7701123451",
                        "1027700123450", "Ведущий инженер", 63));
        return Profile.create(UUID.fromString("0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8091"), person, "key-1",
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-12-22T10:00:00Z"));
    }

    /** {@code en} (the same kind of person transliterated), never expires. */
    static Profile smirnovaEn() {
        PersonProfile person = new PersonProfile("en", "Smirnova Anna Viktorovna", "Smirnova", "Anna", "Viktorovna",
                PersonProfile.FEMALE, LocalDate.of(1992, 11, 5), "Leningrad",
                new Passport("4012", "654321", "Main Directorate of the Ministry of Internal Affairs of Russia "
                        + "for Saint Petersburg and Leningrad Region", LocalDate.of(2012, 11, 20), "780-012"),
                "780165432108", "156-789-012 11",
                new Address("Saint Petersburg", "Saint Petersburg", "Nevsky Prospekt", "28", "7", "191186"),
                "+7 (921) 765-43-21", "anna.smirnova@example.com",
                new Finance("Sberbank PJSC", "044030653", "30101810500000000653", "40817810455031234567",
                        "2202409876543211", "03/28", "ANNA SMIRNOVA", Money.rub(120_000), Money.rub(64_000),
                        "Neva Logistics LLC", "7810987652", "1037800987652", "Accountant", 14));
        return Profile.create(UUID.fromString("0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8092"), person, "key-2",
                Instant.parse("2026-11-21T08:30:15Z"), null);
    }

    /** {@code ru}, no apartment, never expires. */
    static Profile kuznetsovaRu() {
        PersonProfile person = new PersonProfile("ru", "Кузнецова Ольга Андреевна", "Кузнецова", "Ольга", "Андреевна",
                PersonProfile.FEMALE, LocalDate.of(1971, 7, 30), "г. Подольск Московской обл.",
                new Passport("4616", "908172", "ГУ МВД России по Московской области", LocalDate.of(2016, 8, 9),
                        "500-103"),
                "500398765463", "123-456-789 64",
                new Address("Московская область", "Подольск", "ул. Кирова", "5к2", null, "142100"),
                "+7 (903) 555-12-34", "olga.kuznetsova@example.ru",
                new Finance("АО «Т-Банк»", "044525974", "30101810145250000974", "40817810100012345678",
                        "2203159753468201", "11/30", "OLGA KUZNETSOVA", Money.rub(56_500), Money.rub(31_200),
                        "АО «Подольский завод»", "5003123458", "1155003123450", "Главный бухгалтер", 301));
        return Profile.create(UUID.fromString("0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8093"), person, "user-7",
                Instant.parse("2026-11-20T23:59:59Z"), null);
    }
}
