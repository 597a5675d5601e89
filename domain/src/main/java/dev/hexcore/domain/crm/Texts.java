package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;

/** Checks for the free-text fields of the CRM: trimmed, required or optional, bounded. */
final class Texts {
    private Texts() {
    }

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) throw new InvalidValueException(field, "is required");
        return text;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        if (text.length() > max) throw new InvalidValueException(field, "must be at most " + max + " characters");
        return text;
    }
}
