package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one generated {@link PersonProfile} against every rule {@link ProfileGenerator} promises: checksums, region
 * consistency, gender agreement, passport age rules and formats. Shared with adapter tests through the domain test-jar.
 */
public final class ProfileInvariants {
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern PHONE = Pattern.compile("\\+7 9\\d{2} \\d{3}-\\d{2}-\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._]+@[a-z]+\\.[a-z]+");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{3}-\\d{3}");
    private static final DateTimeFormatter CARD_EXPIRY = DateTimeFormatter.ofPattern("MM/yy");

    private ProfileInvariants() {
    }

    /** Fails with a message naming the broken rule unless {@code profile} keeps every promise on {@code today}. */
    public static void assertConsistent(PersonProfile profile, LocalDate today) {
        ProfileLocale locale = ProfileLocale.parse(profile.locale());
        String who = profile.fullName() + " (" + profile.inn() + ")";
        Region region = Regions.all().stream().filter(r -> r.name(locale).equals(profile.address().region())).findFirst()
                .orElseThrow(() -> new AssertionError("unknown region " + profile.address().region() + " of " + who));

        assertDocuments(profile, who);
        assertRegionAgrees(profile, region, locale, who);
        assertAgeAndPassportDates(profile, today, who);
        assertNamesAndGender(profile, locale, who);
        assertFinance(profile, region, locale, today, who);
    }

    private static void assertDocuments(PersonProfile p, String who) {
        assertThat(RussianDocuments.isValidPersonInn(p.inn())).as("INN of %s", who).isTrue();
        assertThat(RussianDocuments.isValidSnils(p.snils())).as("SNILS %s of %s", p.snils(), who).isTrue();
        assertThat(p.snils()).as("SNILS format of %s", who).matches("\\d{3}-\\d{3}-\\d{3} \\d{2}");
        assertThat(RussianDocuments.isValidPassportSeries(p.passport().series())).as("series of %s", who).isTrue();
        assertThat(p.passport().number()).as("passport number of %s", who).matches("\\d{6}");
        assertThat(p.passport().divisionCode()).as("division code of %s", who).matches(DIVISION_CODE);
        assertThat(p.phone()).as("phone of %s", who).matches(PHONE);
        assertThat(p.email()).as("e-mail of %s", who).matches(EMAIL);
    }

    private static void assertRegionAgrees(PersonProfile p, Region region, ProfileLocale locale, String who) {
        Passport passport = p.passport();
        assertThat(passport.series()).as("series prefix is the OKATO code of %s for %s", region.nameEn(), who)
                .startsWith(region.okato());
        assertThat(passport.series().substring(2)).as("series suffix is the issue year for %s", who)
                .isEqualTo(String.format("%02d", passport.issueDate().getYear() % 100));
        assertThat(passport.divisionCode()).as("division code prefix for %s", who).startsWith(region.subjectCode());
        assertThat(p.inn()).as("INN prefix for %s", who).startsWith(region.subjectCode());
        assertThat(passport.issuedBy()).as("issuer for %s", who)
                .isEqualTo(region.passportIssuer(passport.issueDate(), locale));
        City city = region.cities().stream().filter(c -> c.name(locale).equals(p.address().city())).findFirst()
                .orElseThrow(() -> new AssertionError(p.address().city() + " is not in " + region.nameEn() + " for " + who));
        assertThat(Integer.parseInt(p.address().postcode())).as("postcode of %s", who)
                .isBetween(city.firstPostcode(), city.lastPostcode());
        assertThat(p.address().house()).as("house of %s", who).matches("\\d+(/\\d)?");
        assertThat(p.address().apartment()).as("apartment of %s", who).matches("\\d+");
        assertThat(p.address().street()).as("street of %s", who).isNotBlank();
        assertThat(p.birthPlace()).as("birth place of %s", who).isNotBlank();
    }

    private static void assertAgeAndPassportDates(PersonProfile p, LocalDate today, String who) {
        int age = (int) ChronoUnit.YEARS.between(p.birthDate(), today);
        assertThat(age).as("age of %s", who).isBetween(18, 75);
        LocalDate issued = p.passport().issueDate();
        assertThat(issued).as("issue date of %s", who).isBeforeOrEqualTo(today);
        int passportAge = age >= 45 ? 45 : age >= 20 ? 20 : 14;
        LocalDate birthday = p.birthDate().plusYears(passportAge);
        assertThat(issued).as("passport of %s (age %d) issued within 90 days after turning %d", who, age, passportAge)
                .isBetween(birthday, birthday.plusDays(90));
    }

    private static void assertNamesAndGender(PersonProfile p, ProfileLocale locale, String who) {
        boolean male = PersonProfile.MALE.equals(p.gender());
        assertThat(p.gender()).as("gender of %s", who).isIn(PersonProfile.MALE, PersonProfile.FEMALE);
        if (locale == ProfileLocale.RU) {
            assertThat(p.middleName()).as("patronymic of %s agrees with %s", who, p.gender()).endsWith(male ? "ич" : "на");
            assertThat(p.fullName()).isEqualTo(p.lastName() + " " + p.firstName() + " " + p.middleName());
            assertThat(p.lastName() + p.firstName() + p.middleName()).as("Cyrillic name of %s", who).matches("[\\p{IsCyrillic}-]+");
        } else {
            assertThat(p.middleName()).as("patronymic of %s agrees with %s", who, p.gender()).endsWith(male ? "ich" : "na");
            assertThat(p.fullName()).isEqualTo(p.firstName() + " " + p.middleName() + " " + p.lastName());
            assertThat(String.join("|", p.fullName(), p.birthPlace(), p.passport().issuedBy(), p.address().region(),
                    p.address().city(), p.address().street(), p.finance().bank(), p.finance().employer(),
                    p.finance().position())).as("English text of %s has no Cyrillic", who).doesNotContainPattern(CYRILLIC);
        }
        String latinLast = Transliteration.toLatin(p.lastName()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        assertThat(p.email()).as("e-mail of %s is made of the name", who).contains(latinLast);
    }

    private static void assertFinance(PersonProfile p, Region region, ProfileLocale locale, LocalDate today, String who) {
        Finance f = p.finance();
        Bank bank = Banks.all().stream().filter(b -> b.bik().equals(f.bik())).findFirst()
                .orElseThrow(() -> new AssertionError("unknown BIK " + f.bik() + " for " + who));
        assertThat(f.bank()).isEqualTo(bank.name(locale));
        assertThat(f.correspondentAccount()).isEqualTo(bank.correspondentAccount());
        assertThat(RussianDocuments.isValidCorrespondentAccount(f.correspondentAccount(), f.bik())).isTrue();
        assertThat(RussianDocuments.isValidPersonalAccount(f.accountNumber(), f.bik()))
                .as("account %s at %s for %s", f.accountNumber(), f.bik(), who).isTrue();
        assertThat(RussianDocuments.isValidMirCard(f.cardNumber())).as("card %s of %s", f.cardNumber(), who).isTrue();
        assertThat(YearMonth.parse(f.cardExpiry(), CARD_EXPIRY)).as("card expiry of %s", who)
                .isAfter(YearMonth.from(today));
        assertThat(f.cardHolder()).as("card holder of %s", who)
                .isEqualTo(Transliteration.toUpperLatin(p.firstName() + " " + p.lastName()))
                .matches("[A-Z]+ [A-Z]+");
        assertThat(f.monthlyIncome().currency()).isEqualTo("RUB");
        assertThat(f.monthlyIncome().value()).as("income of %s", who).isPositive();
        assertThat(f.monthlyExpenses().value()).as("expenses of %s", who).isPositive()
                .isLessThan(f.monthlyIncome().value());
        assertThat(f.employer()).as("employer of %s", who).startsWith(locale == ProfileLocale.EN ? "LLC \"" : "ООО «");
        assertThat(RussianDocuments.isValidLegalEntityInn(f.employerInn())).as("employer INN of %s", who).isTrue();
        assertThat(f.employerInn()).startsWith(region.subjectCode());
        assertThat(RussianDocuments.isValidOgrn(f.employerOgrn())).as("OGRN of %s", who).isTrue();
        assertThat(f.employerOgrn().substring(3, 5)).as("OGRN region of %s", who).isEqualTo(region.subjectCode());
        assertThat(Positions.all().stream().map(pos -> pos.title(locale))).contains(f.position());
        long monthsSince18 = ChronoUnit.MONTHS.between(p.birthDate().plusYears(18), today);
        assertThat(f.workExperienceMonths()).as("work experience of %s", who).isBetween(0, (int) monthsSince18);
    }
}
