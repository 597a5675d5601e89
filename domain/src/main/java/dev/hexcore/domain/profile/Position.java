package dev.hexcore.domain.profile;

import java.util.Objects;

/**
 * A job title in Russian and English with a plausible gross monthly income range in roubles and the youngest age at
 * which someone holds it.
 */
public record Position(String titleRu, String titleEn, long minMonthlyIncome, long maxMonthlyIncome, int minAge) {
    public Position {
        Objects.requireNonNull(titleRu, "titleRu");
        Objects.requireNonNull(titleEn, "titleEn");
        if (minMonthlyIncome <= 0 || maxMonthlyIncome < minMonthlyIncome) {
            throw new IllegalArgumentException("income range of " + titleEn + " must be positive and ordered");
        }
    }

    /** The title in the profile's language. */
    public String title(ProfileLocale locale) {
        return locale == ProfileLocale.EN ? titleEn : titleRu;
    }
}
