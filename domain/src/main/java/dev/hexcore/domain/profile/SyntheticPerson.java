package dev.hexcore.domain.profile;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One generated person before it is written in a language: every number and date final, every word still Russian or
 * a table entry that knows its English form. {@link ProfileRenderer} turns it into a {@link PersonProfile}.
 */
record SyntheticPerson(Gender gender, PersonName name, LocalDate birthDate, City birthCity, Region region, City city,
                       String street, String house, String apartment, String postcode, String passportSeries,
                       String passportNumber, LocalDate passportIssueDate, String divisionCode, String inn,
                       String snils, String phone, String email, Bank bank, String accountNumber, String cardNumber,
                       YearMonth cardExpiry, long monthlyIncome, long monthlyExpenses, String company,
                       String employerInn, String employerOgrn, Position position, int workExperienceMonths) {
}
