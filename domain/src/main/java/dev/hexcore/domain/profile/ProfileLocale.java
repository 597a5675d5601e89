package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Locale;

/** The language a profile is written in: Cyrillic Russian, or the same person transliterated to Latin. */
public enum ProfileLocale {
    RU, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProfileLocale parse(String code) {
        if (code == null || code.isBlank()) return RU;
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "ru", "ru-ru", "ru_ru" -> RU;
            case "en", "en-us", "en_us", "en-gb", "en_gb" -> EN;
            default -> throw new InvalidValueException("locale", "must be 'ru' or 'en'");
        };
    }
}
