package dev.hexcore.adapters.documents.export;

import static dev.hexcore.adapters.documents.export.SheetFormat.date;
import static dev.hexcore.adapters.documents.export.SheetFormat.text;

import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileLocale;
import java.util.List;

/**
 * What one profile page says, in the profile's language, before any layout: a header (title, name, creation date),
 * the identifiers (INN, SNILS, phone, e-mail), three blocks (passport, registered address, financial details) and a
 * footer marking the data synthetic with the profile id. Every value is text ready to print; a missing one is
 * {@value SheetFormat#NONE}.
 */
record ProfileSheet(String title, String name, Field created, List<Field> identifiers, List<Block> blocks,
                    String footer, Field profileId) {

    record Field(String label, String value) {
    }

    record Block(String title, List<Field> fields) {
    }

    static ProfileSheet of(Profile profile) {
        PersonProfile person = profile.payload();
        ProfileLocale lang = SheetFormat.language(person.locale());
        return new ProfileSheet(
                Label.TITLE.in(lang),
                text(person.fullName()),
                new Field(Label.CREATED.in(lang), date(profile.createdAt())),
                List.of(field(Label.INN, lang, text(person.inn())),
                        field(Label.SNILS, lang, text(person.snils())),
                        field(Label.PHONE, lang, text(person.phone())),
                        field(Label.EMAIL, lang, text(person.email()))),
                List.of(passport(person, lang), address(person.address(), lang), finance(person.finance(), lang)),
                Label.FOOTER.in(lang),
                new Field(Label.PROFILE_ID.in(lang), profile.id().toString()));
    }

    private static Block passport(PersonProfile person, ProfileLocale lang) {
        Passport p = person.passport() != null ? person.passport() : new Passport(null, null, null, null, null);
        return new Block(Label.PASSPORT.in(lang), List.of(
                field(Label.SERIES, lang, text(p.series())),
                field(Label.NUMBER, lang, text(p.number())),
                field(Label.ISSUED_BY, lang, text(p.issuedBy())),
                field(Label.ISSUE_DATE, lang, date(p.issueDate())),
                field(Label.DIVISION_CODE, lang, text(p.divisionCode())),
                field(Label.BIRTH_DATE, lang, date(person.birthDate())),
                field(Label.BIRTH_PLACE, lang, text(person.birthPlace())),
                field(Label.GENDER, lang, SheetFormat.gender(person.gender(), lang))));
    }

    private static Block address(Address address, ProfileLocale lang) {
        Address a = address != null ? address : new Address(null, null, null, null, null, null);
        return new Block(Label.ADDRESS.in(lang), List.of(
                field(Label.REGION, lang, text(a.region())),
                field(Label.CITY, lang, text(a.city())),
                field(Label.STREET, lang, text(a.street())),
                field(Label.HOUSE, lang, text(a.house())),
                field(Label.APARTMENT, lang, text(a.apartment())),
                field(Label.POSTCODE, lang, text(a.postcode()))));
    }

    private static Block finance(Finance finance, ProfileLocale lang) {
        Finance f = finance != null ? finance
                : new Finance(null, null, null, null, null, null, null, null, null, null, null, null, null, 0);
        return new Block(Label.FINANCE.in(lang), List.of(
                field(Label.BANK, lang, text(f.bank())),
                field(Label.BIK, lang, text(f.bik())),
                field(Label.CORRESPONDENT_ACCOUNT, lang, text(f.correspondentAccount())),
                field(Label.ACCOUNT_NUMBER, lang, text(f.accountNumber())),
                field(Label.CARD_NUMBER, lang, SheetFormat.cardNumber(f.cardNumber())),
                field(Label.CARD_EXPIRY, lang, text(f.cardExpiry())),
                field(Label.CARD_HOLDER, lang, text(f.cardHolder())),
                field(Label.MONTHLY_INCOME, lang, SheetFormat.money(f.monthlyIncome(), lang)),
                field(Label.MONTHLY_EXPENSES, lang, SheetFormat.money(f.monthlyExpenses(), lang)),
                field(Label.EMPLOYER, lang, text(f.employer())),
                field(Label.EMPLOYER_INN, lang, text(f.employerInn())),
                field(Label.EMPLOYER_OGRN, lang, text(f.employerOgrn())),
                field(Label.POSITION, lang, text(f.position())),
                field(Label.EXPERIENCE, lang, SheetFormat.experience(f.workExperienceMonths(), lang))));
    }

    private static Field field(Label label, ProfileLocale lang, String value) {
        return new Field(label.in(lang), value);
    }
}
