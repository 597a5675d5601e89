package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The one reader of times that clients send, in query filters and JSON bodies alike: an ISO-8601 date-time with an
 * offset ({@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T13:00:00+03:00}) or a date, meaning its start in UTC
 * ({@code 2026-11-22}). Years 0001 to 9999 only (RFC 3339's range): further out, the database driver's conversion
 * overflows, and no real bound or expiry lies there.
 */
public final class IsoTime {
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String EXPECTED = "must be an ISO-8601 date or date-time between years 0001 and 9999, e.g. 2026-11-22T10:00:00Z";

    private IsoTime() {
    }

    /** Null for absent or blank text; otherwise the instant, or null with an error on {@code field} added to {@code errors}. */
    public static Instant parse(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        Instant instant = parseOrNull(value);
        if (instant == null) errors.add(new FieldError(field, EXPECTED));
        return instant;
    }

    /** The instant {@code text} names, or null when it is not a supported date or date-time. */
    public static Instant parseOrNull(String text) {
        String trimmed = text.strip();
        Instant instant;
        try {
            instant = trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
        return instant.isBefore(MIN) || instant.isAfter(MAX) ? null : instant;
    }
}
