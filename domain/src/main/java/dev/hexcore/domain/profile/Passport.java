package dev.hexcore.domain.profile;

import java.time.LocalDate;

/**
 * A Russian internal passport. {@code series} is 4 digits: the 2-digit OKATO code of the issuing region followed by
 * the last 2 digits of the year of issue; {@code number} is 6 digits; {@code divisionCode} is {@code NNN-NNN}, its
 * first two digits the region's subject code.
 */
public record Passport(String series, String number, String issuedBy, LocalDate issueDate, String divisionCode) {
}
