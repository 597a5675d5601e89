package dev.hexcore.domain.profile;

import java.util.Objects;

/** A Russian full name in Cyrillic: last name, first name and patronymic ({@code middleName}), all of one gender. */
public record PersonName(String lastName, String firstName, String middleName) {
    public PersonName {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(middleName, "middleName");
    }
}
