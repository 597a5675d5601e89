package dev.hexcore.domain.profile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Builds one consistent {@link SyntheticPerson} from a seed: the same seed and day always give the same person.
 *
 * <p>The persona source draws from its own split-off generator, so how many values it consumes never shifts the
 * document numbers.
 */
final class SyntheticPersonFactory {
    static final int MIN_AGE = 18;
    static final int MAX_AGE = 75;
    /** A passport is issued at 14 and replaced at 20 and 45, within 90 days of the birthday. */
    static final int[] PASSPORT_AGES = {14, 20, 45};
    static final int PASSPORT_ISSUE_WINDOW_DAYS = 90;

    private static final List<String> EMAIL_DOMAINS =
            List.of("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "ya.ru");
    private static final int SAME_REGION_BIRTH_PERCENT = 75;

    private final PersonaSource personas;

    SyntheticPersonFactory(PersonaSource personas) {
        this.personas = personas;
    }

    SyntheticPerson create(long seed, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom words = random.split();

        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        PersonName name = personas.name(gender, words);
        LocalDate birthDate = birthDate(random, today);
        int age = (int) ChronoUnit.YEARS.between(birthDate, today);

        Region region = pick(random, Regions.all());
        City city = pick(random, region.cities());
        String street = personas.street(words);
        String house = house(random);
        String apartment = String.valueOf(1 + random.nextInt(300));
        String postcode = String.valueOf(random.nextInt(city.firstPostcode(), city.lastPostcode() + 1));
        City birthCity = random.nextInt(100) < SAME_REGION_BIRTH_PERCENT
                ? pick(random, region.cities())
                : pick(random, pick(random, Regions.all()).cities());

        LocalDate issueDate = passportIssueDate(random, birthDate, age, today);
        String series = RussianDocuments.passportSeries(region.okato(), issueDate.getYear());
        String passportNumber = String.valueOf(random.nextInt(100_000, 1_000_000));
        String divisionCode = region.subjectCode() + random.nextInt(4) + "-" + String.format("%03d", 1 + random.nextInt(120));
        String inn = RussianDocuments.generatePersonInn(taxOffice(random, region), random);
        String snils = RussianDocuments.generateSnils(random);
        String phone = phone(random);
        String email = email(random, name, birthDate);

        Bank bank = pick(random, Banks.all());
        String account = RussianDocuments.generatePersonalAccount(bank.bik(), random);
        String card = RussianDocuments.generateMirCard(random);
        YearMonth cardExpiry = YearMonth.from(today).plusMonths(1 + random.nextInt(60));

        Position position = pick(random, Positions.forAge(age));
        long income = roundTo(random.nextLong(position.minMonthlyIncome(), position.maxMonthlyIncome() + 1), 1_000);
        long expenses = roundTo(income * (25 + random.nextInt(51)) / 100, 100);
        String company = personas.company(words);
        String employerInn = RussianDocuments.generateLegalEntityInn(taxOffice(random, region), random);
        int registrationYear = random.nextInt(2002, Math.max(2003, today.getYear()));
        String employerOgrn = RussianDocuments.generateOgrn(registrationYear, region.subjectCode(), random);
        int experience = workExperienceMonths(random, birthDate, today);

        return new SyntheticPerson(gender, name, birthDate, birthCity, region, city, street, house, apartment, postcode,
                series, passportNumber, issueDate, divisionCode, inn, snils, phone, email, bank, account, card,
                cardExpiry, income, expenses, company, employerInn, employerOgrn, position, experience);
    }

    /** Uniform over every birth date that makes the person 18 to 75 years old today. */
    private static LocalDate birthDate(RandomGenerator random, LocalDate today) {
        long earliest = today.minusYears(MAX_AGE + 1).plusDays(1).toEpochDay();
        long latest = today.minusYears(MIN_AGE).toEpochDay();
        return LocalDate.ofEpochDay(random.nextLong(earliest, latest + 1));
    }

    /** The passport valid at {@code age}: issued at the last passport age reached, within 90 days, not after today. */
    private static LocalDate passportIssueDate(RandomGenerator random, LocalDate birthDate, int age, LocalDate today) {
        int passportAge = currentPassportAge(age);
        LocalDate birthday = birthDate.plusYears(passportAge);
        long daysAvailable = Math.min(PASSPORT_ISSUE_WINDOW_DAYS, ChronoUnit.DAYS.between(birthday, today));
        return birthday.plusDays(random.nextLong(daysAvailable + 1));
    }

    static int currentPassportAge(int age) {
        int passportAge = PASSPORT_AGES[0];
        for (int candidate : PASSPORT_AGES) {
            if (age >= candidate) passportAge = candidate;
        }
        return passportAge;
    }

    /** Total months worked since turning 18: at least a third of that time, never more. */
    private static int workExperienceMonths(RandomGenerator random, LocalDate birthDate, LocalDate today) {
        int possible = (int) ChronoUnit.MONTHS.between(birthDate.plusYears(MIN_AGE), today);
        if (possible <= 0) return 0;
        return random.nextInt(possible / 3, possible + 1);
    }

    /** Subject code and a 2-digit tax office number of the region. */
    private static String taxOffice(RandomGenerator random, Region region) {
        return region.subjectCode() + String.format("%02d", 1 + random.nextInt(30));
    }

    private static String house(RandomGenerator random) {
        String number = String.valueOf(1 + random.nextInt(150));
        return random.nextInt(5) == 0 ? number + "/" + (1 + random.nextInt(4)) : number;
    }

    /** A Russian mobile number, {@code +7 9XX XXX-XX-XX}. */
    private static String phone(RandomGenerator random) {
        return "+7 9" + RussianDocuments.randomDigits(random, 2) + " " + RussianDocuments.randomDigits(random, 3) + "-"
                + RussianDocuments.randomDigits(random, 2) + "-" + RussianDocuments.randomDigits(random, 2);
    }

    /** A mailbox named after the person in Latin letters: ivan.petrov@, petrov.ivan84@, i.petrov@ … */
    private static String email(RandomGenerator random, PersonName name, LocalDate birthDate) {
        String first = emailWord(name.firstName());
        String last = emailWord(name.lastName());
        String year = String.valueOf(birthDate.getYear());
        String local = switch (random.nextInt(6)) {
            case 0 -> first + "." + last;
            case 1 -> last + "." + first;
            case 2 -> first.charAt(0) + "." + last;
            case 3 -> first + "_" + last + year.substring(2);
            case 4 -> last + year;
            default -> first + "." + last + (1 + random.nextInt(99));
        };
        return local + "@" + pick(random, EMAIL_DOMAINS);
    }

    private static String emailWord(String cyrillic) {
        String latin = Transliteration.toLatin(cyrillic).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return latin.isEmpty() ? "user" : latin;
    }

    private static long roundTo(long value, long step) {
        return Math.max(step, Math.round((double) value / step) * step);
    }

    private static <T> T pick(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
