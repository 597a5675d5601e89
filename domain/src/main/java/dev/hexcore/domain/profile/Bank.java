package dev.hexcore.domain.profile;

import java.util.Objects;

/**
 * A real Russian bank: its name in Russian and English, its BIK and its correspondent account at the Bank of Russia.
 * The correspondent account always passes the control-key check for the BIK.
 */
public record Bank(String nameRu, String nameEn, String bik, String correspondentAccount) {
    public Bank {
        Objects.requireNonNull(nameRu, "nameRu");
        Objects.requireNonNull(nameEn, "nameEn");
        if (!RussianDocuments.isValidCorrespondentAccount(correspondentAccount, bik)) {
            throw new IllegalArgumentException("correspondent account " + correspondentAccount + " does not fit BIK " + bik);
        }
    }

    /** The bank's name in the profile's language. */
    public String name(ProfileLocale locale) {
        return locale == ProfileLocale.EN ? nameEn : nameRu;
    }
}
