package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 ({@code +79161234567}). Shops are Russian, so national forms are read as Russian numbers:
 * {@code 8 916 123-45-67} and {@code 7 (916) 123 45 67} (11 digits) and {@code 916 123 45 67} (10 digits) all become
 * {@code +79161234567}. Anything written with a leading {@code +} is taken as international and only checked for
 * length (8 to 15 digits, no leading zero). Spaces, dashes, dots and parentheses are ignored; other characters are
 * refused rather than guessed at.
 */
public final class Phones {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private Phones() {
    }

    public static String e164(String field, String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidValueException(field, "is required");
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("+")) {
            if (INTERNATIONAL.matcher(compact).matches()) return compact;
            throw invalid(field);
        }
        if (!DIGITS.matcher(compact).matches()) throw invalid(field);
        if (compact.length() == 11 && (compact.charAt(0) == '8' || compact.charAt(0) == '7')) {
            return "+7" + compact.substring(1);
        }
        if (compact.length() == 10 && compact.charAt(0) != '0') return "+7" + compact;
        throw invalid(field);
    }

    private static InvalidValueException invalid(String field) {
        return new InvalidValueException(field, "must be a phone number such as +79161234567 or 8 916 123-45-67");
    }
}
