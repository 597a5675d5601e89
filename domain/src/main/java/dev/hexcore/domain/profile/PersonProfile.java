package dev.hexcore.domain.profile;

import java.time.LocalDate;

/**
 * One synthetic person: the payload of a {@link Profile}. Consistent inside itself: the patronymic and the gender
 * agree, the passport was issued at an age the rules allow (14, 20 or 45), and the passport series, division code,
 * INN prefix and address share one region. {@code gender} is {@code "male"} or {@code "female"}; {@code locale} is
 * {@code "ru"} (Cyrillic) or {@code "en"} (the same person transliterated).
 */
public record PersonProfile(String locale, String fullName, String lastName, String firstName, String middleName,
                            String gender, LocalDate birthDate, String birthPlace, Passport passport, String inn,
                            String snils, Address address, String phone, String email, Finance finance) {
    public static final String MALE = "male";
    public static final String FEMALE = "female";
}
