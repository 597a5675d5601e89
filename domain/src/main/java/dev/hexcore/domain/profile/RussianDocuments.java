package dev.hexcore.domain.profile;

import java.util.random.RandomGenerator;

/**
 * Generators and validators for Russian document numbers: INN (12-digit personal and 10-digit legal-entity), SNILS,
 * OGRN and OGRNIP, Luhn and MIR card numbers, passport series, BIK and the control key of bank accounts.
 *
 * <p>Every generator returns a number its validator accepts; generators draw only from the {@link RandomGenerator}
 * they are given, so the same generator state gives the same number. Validators never throw: {@code null}, the wrong
 * length or a non-digit character is simply invalid.
 */
public final class RussianDocuments {
    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_WEIGHTS_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_WEIGHTS_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ACCOUNT_WEIGHTS = {7, 1, 3};
    /** SNILS numbers up to 001-001-998 were issued before the check digit existed and are not checkable. */
    private static final long SNILS_FIRST_CHECKED = 1_001_999L;
    /** Balance account 40817 (individuals' current accounts) in currency 810 (roubles), before the control digit. */
    private static final String PERSONAL_ROUBLE_ACCOUNT_PREFIX = "40817810";

    private RussianDocuments() {
    }

    // ---------------------------------------------------------------- INN

    /** True for a 12-digit personal INN or a 10-digit legal-entity INN with valid check digits. */
    public static boolean isValidInn(String inn) {
        return isValidPersonInn(inn) || isValidLegalEntityInn(inn);
    }

    /** True for a 12-digit INN of an individual whose digits 11 and 12 are the check digits. */
    public static boolean isValidPersonInn(String inn) {
        if (!isDigits(inn, 12)) return false;
        return digit(inn, 10) == weightedCheck(inn, INN12_WEIGHTS_11) && digit(inn, 11) == weightedCheck(inn, INN12_WEIGHTS_12);
    }

    /** True for a 10-digit INN of a legal entity whose digit 10 is the check digit. */
    public static boolean isValidLegalEntityInn(String inn) {
        return isDigits(inn, 10) && digit(inn, 9) == weightedCheck(inn, INN10_WEIGHTS);
    }

    /**
     * A 12-digit personal INN: {@code taxOffice} (4 digits: the 2-digit subject code and the 2-digit tax office), six
     * random digits, two check digits.
     */
    public static String generatePersonInn(String taxOffice, RandomGenerator random) {
        requireDigits("taxOffice", taxOffice, 4);
        String first10 = taxOffice + randomDigits(random, 6);
        String first11 = first10 + weightedCheck(first10, INN12_WEIGHTS_11);
        return first11 + weightedCheck(first11, INN12_WEIGHTS_12);
    }

    /** A 10-digit legal-entity INN: {@code taxOffice} (4 digits), five random digits, the check digit. */
    public static String generateLegalEntityInn(String taxOffice, RandomGenerator random) {
        requireDigits("taxOffice", taxOffice, 4);
        String first9 = taxOffice + randomDigits(random, 5);
        return first9 + weightedCheck(first9, INN10_WEIGHTS);
    }

    // ---------------------------------------------------------------- SNILS

    /**
     * True for a SNILS written {@code NNN-NNN-NNN NN} or as 11 bare digits whose last two digits are the check number.
     * Numbers up to 001-001-998 carry no check number and are rejected, as no generator issues them any more.
     */
    public static boolean isValidSnils(String snils) {
        if (snils == null) return false;
        String digits;
        if (snils.length() == 14) {
            if (snils.charAt(3) != '-' || snils.charAt(7) != '-' || snils.charAt(11) != ' ') return false;
            digits = snils.substring(0, 3) + snils.substring(4, 7) + snils.substring(8, 11) + snils.substring(12);
        } else {
            digits = snils;
        }
        if (!isDigits(digits, 11)) return false;
        String body = digits.substring(0, 9);
        if (Long.parseLong(body) < SNILS_FIRST_CHECKED) return false;
        return Integer.parseInt(digits.substring(9)) == snilsCheck(body);
    }

    /** A SNILS written {@code NNN-NNN-NNN NN}, its number above 001-001-998, with a valid check number. */
    public static String generateSnils(RandomGenerator random) {
        long number = random.nextLong(SNILS_FIRST_CHECKED, 1_000_000_000L);
        String body = String.format("%09d", number);
        return formatSnils(body, snilsCheck(body));
    }

    /** The check number of a 9-digit SNILS body: Σ dᵢ·(10−i), kept below 100, with 100 and 101 written as 00. */
    static int snilsCheck(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += digit(nineDigits, i) * (9 - i);
        if (sum < 100) return sum;
        if (sum == 100 || sum == 101) return 0;
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    static String formatSnils(String nineDigits, int check) {
        return nineDigits.substring(0, 3) + "-" + nineDigits.substring(3, 6) + "-" + nineDigits.substring(6, 9)
                + " " + String.format("%02d", check);
    }

    // ---------------------------------------------------------------- OGRN

    /** True for a 13-digit OGRN of a legal entity whose last digit is (first 12 digits mod 11) mod 10. */
    public static boolean isValidOgrn(String ogrn) {
        return isDigits(ogrn, 13)
                && digit(ogrn, 12) == Long.parseLong(ogrn.substring(0, 12)) % 11 % 10;
    }

    /** True for a 15-digit OGRNIP of a sole trader whose last digit is (first 14 digits mod 13) mod 10. */
    public static boolean isValidOgrnip(String ogrnip) {
        return isDigits(ogrnip, 15)
                && digit(ogrnip, 14) == Long.parseLong(ogrnip.substring(0, 14)) % 13 % 10;
    }

    /**
     * A 13-digit OGRN: 1 (a legal entity's main number), the last two digits of {@code registrationYear}, the
     * 2-digit {@code subjectCode}, seven random digits (tax office and record), the check digit.
     */
    public static String generateOgrn(int registrationYear, String subjectCode, RandomGenerator random) {
        requireDigits("subjectCode", subjectCode, 2);
        String first12 = "1" + twoDigits(registrationYear) + subjectCode + randomDigits(random, 7);
        return first12 + Long.parseLong(first12) % 11 % 10;
    }

    // ---------------------------------------------------------------- cards

    /** True for a string of at least two digits whose last digit is its Luhn check digit. */
    public static boolean isValidLuhn(String number) {
        if (number == null || number.length() < 2 || !isDigits(number, number.length())) return false;
        return digit(number, number.length() - 1) == luhnCheckDigit(number.substring(0, number.length() - 1));
    }

    /** True for a 16-digit MIR card number: BIN 2200–2204 and a valid Luhn check digit. */
    public static boolean isValidMirCard(String card) {
        if (!isDigits(card, 16)) return false;
        int bin = Integer.parseInt(card.substring(0, 4));
        return bin >= 2200 && bin <= 2204 && isValidLuhn(card);
    }

    /** A 16-digit MIR card number: a BIN from 2200 to 2204, eleven random digits, the Luhn check digit. */
    public static String generateMirCard(RandomGenerator random) {
        String first15 = (2200 + random.nextInt(5)) + randomDigits(random, 11);
        return first15 + luhnCheckDigit(first15);
    }

    /** The digit that makes {@code payload} followed by it pass the Luhn check. */
    public static int luhnCheckDigit(String payload) {
        requireDigits("payload", payload, payload == null ? 0 : payload.length());
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = digit(payload, i);
            if (doubled) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    // ---------------------------------------------------------------- passport

    /** True for a 4-digit passport series (two digits of region, two of year; there is no checksum). */
    public static boolean isValidPassportSeries(String series) {
        return isDigits(series, 4) && !series.startsWith("00");
    }

    /** The series of a passport issued in {@code okato}'s region in {@code issueYear}: OKATO + 2-digit year. */
    public static String passportSeries(String okato, int issueYear) {
        requireDigits("okato", okato, 2);
        return okato + twoDigits(issueYear);
    }

    // ---------------------------------------------------------------- bank accounts

    /** True for a 9-digit BIK of a bank in Russia (country code 04). */
    public static boolean isValidBik(String bik) {
        return isDigits(bik, 9) && bik.startsWith("04");
    }

    /**
     * True when the 20-digit {@code account} held at a bank with {@code bik} has a valid control key: weights 7,1,3
     * over the last three digits of the BIK followed by the account, sum ≡ 0 (mod 10).
     */
    public static boolean isValidAccount(String account, String bik) {
        return isValidBik(bik) && isDigits(account, 20) && controlSum(bik.substring(6) + account) % 10 == 0;
    }

    /**
     * True when the 20-digit correspondent account (301…) of the bank with {@code bik} has a valid control key (the
     * same weights over "0", digits 5–6 of the BIK and the account) and ends with the BIK's last three digits, the
     * bank's number at its settlement centre.
     */
    public static boolean isValidCorrespondentAccount(String account, String bik) {
        return isValidBik(bik) && isDigits(account, 20) && account.startsWith("301")
                && account.endsWith(bik.substring(6))
                && controlSum("0" + bik.substring(4, 6) + account) % 10 == 0;
    }

    /** True for an individual's rouble current account (40817 810 …) with a valid control key for {@code bik}. */
    public static boolean isValidPersonalAccount(String account, String bik) {
        return isValidAccount(account, bik) && account.startsWith(PERSONAL_ROUBLE_ACCOUNT_PREFIX);
    }

    /**
     * An individual's rouble current account at the bank with {@code bik}: 40817 810, the control digit, a 4-digit
     * branch and a 7-digit personal number.
     */
    public static String generatePersonalAccount(String bik, RandomGenerator random) {
        if (!isValidBik(bik)) throw new IllegalArgumentException("bik must be 9 digits starting with 04: " + bik);
        String rest = randomDigits(random, 11);
        String withZero = PERSONAL_ROUBLE_ACCOUNT_PREFIX + "0" + rest;
        int sum = controlSum(bik.substring(6) + withZero);
        // The control digit sits at position 12 of the 23-digit string, where the weight is 3; 3·7 ≡ 1 (mod 10).
        int control = (10 - sum % 10) % 10 * 7 % 10;
        return PERSONAL_ROUBLE_ACCOUNT_PREFIX + control + rest;
    }

    private static int controlSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) sum += digit(digits, i) * ACCOUNT_WEIGHTS[i % 3];
        return sum;
    }

    // ---------------------------------------------------------------- helpers

    /** {@code count} random decimal digits. */
    static String randomDigits(RandomGenerator random, int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = (char) ('0' + random.nextInt(10));
        return new String(chars);
    }

    private static int weightedCheck(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += digit(digits, i) * weights[i];
        return sum % 11 % 10;
    }

    private static String twoDigits(int year) {
        return String.format("%02d", Math.floorMod(year, 100));
    }

    private static int digit(String s, int index) {
        return s.charAt(index) - '0';
    }

    private static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length) return false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static void requireDigits(String name, String value, int length) {
        if (!isDigits(value, length)) throw new IllegalArgumentException(name + " must be " + length + " digits: " + value);
    }
}
