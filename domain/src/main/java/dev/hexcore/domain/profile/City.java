package dev.hexcore.domain.profile;

import java.util.Objects;

/**
 * A real city of a {@link Region}, named in Russian and English, with the range of its real postcodes
 * ({@code firstPostcode}..{@code lastPostcode}, six digits each).
 */
public record City(String nameRu, String nameEn, int firstPostcode, int lastPostcode) {
    public City {
        Objects.requireNonNull(nameRu, "nameRu");
        Objects.requireNonNull(nameEn, "nameEn");
        if (firstPostcode < 100_000 || lastPostcode > 999_999 || firstPostcode > lastPostcode) {
            throw new IllegalArgumentException("postcodes of " + nameEn + " must be a 6-digit range");
        }
    }

    public City(String nameRu, String nameEn, int postcode) {
        this(nameRu, nameEn, postcode, postcode);
    }

    /** The city's name in the profile's language. */
    public String name(ProfileLocale locale) {
        return locale == ProfileLocale.EN ? nameEn : nameRu;
    }
}
