package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation rules for the identity fields a person types. */
public final class Credentials {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,50}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private Credentials() {
    }

    public static String username(String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw new InvalidValueException("username", "must be 3 to 50 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    public static String email(String value) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw new InvalidValueException("email", "must be a valid e-mail address");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static String password(String value) {
        if (value == null || value.length() < MIN_PASSWORD
                || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidValueException("password", "must be at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes");
        }
        return value;
    }

    public static String language(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 50) {
            throw new InvalidValueException(field, "must be a language name of 1 to 50 characters");
        }
        return value.trim();
    }
}
