package dev.hexcore.adapters.rest.profile;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Time bounds in queries and filters: an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}, any offset) or a date (its start, UTC). */
final class TimeQuery {
    private TimeQuery() {
    }

    static Instant parse(String value, String field) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 date or date-time, e.g. 2026-11-22T10:00:00Z");
        }
    }
}
