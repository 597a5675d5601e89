package dev.hexcore.adapters.documents.export;

import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.ProfileLocale;
import dev.hexcore.domain.shared.Money;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values read on a profile page: dates {@code dd.MM.yyyy}, money with grouped digits and ₽, cards in fours. */
final class SheetFormat {
    /** Shown for a value the profile does not have. */
    static final String NONE = "—";
    static final String ROUBLE = "₽";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private SheetFormat() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value.strip();
    }

    static String date(LocalDate date) {
        return date == null ? NONE : DATE.format(date);
    }

    /** The UTC calendar day of {@code instant}. */
    static String date(Instant instant) {
        return instant == null ? NONE : DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code 85 000,00 ₽} in Russian, {@code 85,000.00 ₽} in English; other currencies keep their ISO code. */
    static String money(Money money, ProfileLocale language) {
        if (money == null) return NONE;
        String plain = money.value().setScale(2, RoundingMode.HALF_UP).abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        String cents = plain.substring(dot + 1);
        char group = language == ProfileLocale.EN ? ',' : ' ';
        char decimal = language == ProfileLocale.EN ? '.' : ',';
        StringBuilder out = new StringBuilder();
        if (money.value().signum() < 0) out.append('-');
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) out.append(group);
            out.append(whole.charAt(i));
        }
        out.append(decimal).append(cents).append(' ');
        out.append("RUB".equals(money.currency()) ? ROUBLE : money.currency());
        return out.toString();
    }

    /** A card number of digits only as groups of four ({@code 2200 1234 5678 9012}); anything else as it is. */
    static String cardNumber(String number) {
        if (number == null || number.isBlank()) return NONE;
        String digits = number.strip();
        if (!digits.chars().allMatch(Character::isDigit)) return digits;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 4);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) out.append(' ');
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    static String gender(String gender, ProfileLocale language) {
        if (PersonProfile.MALE.equals(gender)) return Label.MALE.in(language);
        if (PersonProfile.FEMALE.equals(gender)) return Label.FEMALE.in(language);
        return text(gender);
    }

    /** {@code 5 лет 3 мес.} / {@code 5 years 3 months}; {@code 0 мес.} / {@code 0 months} for none. */
    static String experience(int months, ProfileLocale language) {
        int years = Math.max(months, 0) / 12;
        int rest = Math.max(months, 0) % 12;
        StringBuilder out = new StringBuilder();
        if (language == ProfileLocale.EN) {
            if (years > 0) out.append(years).append(years == 1 ? " year" : " years");
            if (rest > 0 || years == 0) {
                if (!out.isEmpty()) out.append(' ');
                out.append(rest).append(rest == 1 ? " month" : " months");
            }
        } else {
            if (years > 0) out.append(years).append(' ').append(russianYears(years));
            if (rest > 0 || years == 0) {
                if (!out.isEmpty()) out.append(' ');
                out.append(rest).append(" мес.");
            }
        }
        return out.toString();
    }

    private static String russianYears(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14) return "лет";
        if (last == 1) return "год";
        if (last >= 2 && last <= 4) return "года";
        return "лет";
    }

    /** The page language for a payload locale: English for {@code en}, Russian for anything else. */
    static ProfileLocale language(String locale) {
        if (locale == null) return ProfileLocale.RU;
        String code = locale.strip().toLowerCase(Locale.ROOT);
        return code.equals("en") || code.startsWith("en-") || code.startsWith("en_") ? ProfileLocale.EN
                : ProfileLocale.RU;
    }
}
