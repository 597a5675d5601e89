package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.Money;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link SyntheticPerson} in one language. Russian keeps the Cyrillic words; English transliterates names,
 * streets and companies and takes region, city, bank, position and issuer names from the tables' English forms. Every
 * digit is the same in both.
 */
final class ProfileRenderer {
    private static final DateTimeFormatter CARD_EXPIRY = DateTimeFormatter.ofPattern("MM/yy");

    private ProfileRenderer() {
    }

    static PersonProfile render(SyntheticPerson person, ProfileLocale locale) {
        boolean en = locale == ProfileLocale.EN;
        PersonName name = person.name();
        String lastName = en ? Transliteration.toLatin(name.lastName()) : name.lastName();
        String firstName = en ? Transliteration.toLatin(name.firstName()) : name.firstName();
        String middleName = en ? Transliteration.toLatin(name.middleName()) : name.middleName();
        String fullName = en
                ? firstName + " " + middleName + " " + lastName
                : lastName + " " + firstName + " " + middleName;
        String birthPlace = en ? person.birthCity().nameEn() : "г. " + person.birthCity().nameRu();

        Passport passport = new Passport(person.passportSeries(), person.passportNumber(),
                person.region().passportIssuer(person.passportIssueDate(), locale), person.passportIssueDate(),
                person.divisionCode());
        Address address = new Address(person.region().name(locale), person.city().name(locale),
                en ? Transliteration.toLatin(person.street()) : person.street(), person.house(), person.apartment(),
                person.postcode());
        String employer = en
                ? "LLC \"" + Transliteration.toLatin(person.company()) + "\""
                : "ООО «" + person.company() + "»";
        Finance finance = new Finance(person.bank().name(locale), person.bank().bik(),
                person.bank().correspondentAccount(), person.accountNumber(), person.cardNumber(),
                person.cardExpiry().format(CARD_EXPIRY),
                Transliteration.toUpperLatin(name.firstName() + " " + name.lastName()),
                Money.rub(person.monthlyIncome()), Money.rub(person.monthlyExpenses()), employer, person.employerInn(),
                person.employerOgrn(), person.position().title(locale), person.workExperienceMonths());

        return new PersonProfile(locale.code(), fullName, lastName, firstName, middleName, person.gender().code(),
                person.birthDate(), birthPlace, passport, person.inn(), person.snils(), address, person.phone(),
                person.email(), finance);
    }
}
