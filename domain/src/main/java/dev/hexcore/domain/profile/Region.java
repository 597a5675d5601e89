package dev.hexcore.domain.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A federal subject of Russia as a profile needs it: its name in Russian and English, its 2-digit OKATO code (the
 * first half of a passport series), its 2-digit subject code (the start of a division code and of an INN), the
 * authority that issues passports there, and some of its real cities.
 *
 * <p>{@code authorityAreaRu} is the area in the dative case as it follows "по" in an issuer's name ("г. Москве",
 * "Республике Татарстан"); {@code authorityAreaEn} is its English form ("Moscow", "the Republic of Tatarstan").
 */
public record Region(String nameRu, String nameEn, String okato, String subjectCode, PassportAuthority authority,
                     String authorityAreaRu, String authorityAreaEn, List<City> cities) {
    /** The day from which the police, not the Federal Migration Service, is named as the issuer (FMS abolished 2016). */
    static final LocalDate POLICE_ISSUES_FROM = LocalDate.of(2016, 6, 1);

    public Region {
        Objects.requireNonNull(nameRu, "nameRu");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(authorityAreaRu, "authorityAreaRu");
        Objects.requireNonNull(authorityAreaEn, "authorityAreaEn");
        if (okato == null || !okato.matches("\\d{2}")) throw new IllegalArgumentException("okato must be 2 digits: " + okato);
        if (subjectCode == null || !subjectCode.matches("\\d{2}")) {
            throw new IllegalArgumentException("subjectCode must be 2 digits: " + subjectCode);
        }
        cities = List.copyOf(cities);
        if (cities.isEmpty()) throw new IllegalArgumentException(nameEn + " needs at least one city");
    }

    /**
     * Who issued a passport here on {@code issueDate}: "УФМС России по …" before June 2016, then the police authority
     * ("ГУ МВД России по г. Москве", "МВД по Республике Татарстан"); in English for {@link ProfileLocale#EN}.
     */
    public String passportIssuer(LocalDate issueDate, ProfileLocale locale) {
        boolean police = !issueDate.isBefore(POLICE_ISSUES_FROM);
        if (locale == ProfileLocale.EN) {
            return (police ? authority.nameEn() : PassportAuthority.MIGRATION_SERVICE_EN) + " for " + authorityAreaEn;
        }
        return (police ? authority.nameRu() : PassportAuthority.MIGRATION_SERVICE_RU) + " по " + authorityAreaRu;
    }

    /** The region's name in the profile's language. */
    public String name(ProfileLocale locale) {
        return locale == ProfileLocale.EN ? nameEn : nameRu;
    }
}
