package dev.hexcore.domain.testing;

import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.shared.Money;
import java.time.LocalDate;

/** A fixed, complete person for tests that are not about generation (shared through the domain test-jar). */
public final class SamplePeople {
    private SamplePeople() {
    }

    public static PersonProfile person(String lastName) {
        return new PersonProfile("ru", lastName + " Иван Петрович", lastName, "Иван", "Петрович", PersonProfile.MALE,
                LocalDate.of(1985, 3, 14), "г. Казань",
                new Passport("9205", "123456", "МВД по Республике Татарстан", LocalDate.of(2005, 4, 1), "160-005"),
                "164512345678", "112-233-445 95",
                new Address("Республика Татарстан", "Казань", "ул. Баумана", "12", "34", "420111"),
                "+7 917 123-45-67", "ivan.ivanov85@example.ru",
                new Finance("ПАО Сбербанк", "044525225", "30101810400000000225", "40817810000000000001",
                        "2200 0000 0000 0004", "03/29", "IVAN IVANOV", Money.rub(85_000), Money.rub(30_000),
                        "ООО «Ромашка»", "7707083893", "1027700132195", "инженер", 60));
    }
}
