package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RussianDocumentsTest {
    private static final int DRAWS = 5_000;

    /**
     * Known numbers. Real ones: Sberbank (INN 7707083893, OGRN 1027700132195, BIK 044525225, corr. account
     * 30101810400000000225), Yandex (7736207543, 1027700229193), Gazprom (OGRN 1027700070518), VTB (7702070139,
     * 044525187 / 30101810700000000187), the textbook personal INN 500100732259 and OGRNIP 304500116000157, the Luhn
     * article's 79927398713. Worked by hand:
     * <ul>
     *   <li>INN 500100732259: 5·7+1·10+7·9+3·4+2·6+2·8 = 148, 148 mod 11 = 5 → d11 = 5;
     *       5·3+1·4+7·5+3·9+2·4+2·6+5·8 = 141, 141 mod 11 = 9 → d12 = 9.</li>
     *   <li>SNILS 001-326-679: 1·7+3·6+2·5+6·4+6·3+7·2+9·1 = 100 → check 00; 001-239-570 sums to 99 → 99;
     *       001-508-816 sums to 101 → 00; 001-437-545 sums to 102 → 102 mod 101 = 01; 017-996-174 sums to 201 →
     *       201 mod 101 = 100 → 00; 006-996-683 sums to 202 → 00.</li>
     *   <li>Account 40817810K00000000001 at BIK …225: weights 7,1,3 over 225 + the account give 129 + 3K, so K = 7;
     *       at BIK …187 they give 134 + 3K, so K = 2.</li>
     * </ul>
     */
    static Stream<Arguments> cases() {
        Predicate<String> inn = RussianDocuments::isValidInn;
        Predicate<String> personInn = RussianDocuments::isValidPersonInn;
        Predicate<String> legalInn = RussianDocuments::isValidLegalEntityInn;
        Predicate<String> snils = RussianDocuments::isValidSnils;
        Predicate<String> ogrn = RussianDocuments::isValidOgrn;
        Predicate<String> ogrnip = RussianDocuments::isValidOgrnip;
        Predicate<String> luhn = RussianDocuments::isValidLuhn;
        Predicate<String> mir = RussianDocuments::isValidMirCard;
        Predicate<String> series = RussianDocuments::isValidPassportSeries;
        Predicate<String> bik = RussianDocuments::isValidBik;
        Predicate<String> sberAccount = account -> RussianDocuments.isValidPersonalAccount(account, "044525225");
        Predicate<String> vtbAccount = account -> RussianDocuments.isValidPersonalAccount(account, "044525187");
        Predicate<String> sberCorr = account -> RussianDocuments.isValidCorrespondentAccount(account, "044525225");
        Predicate<String> vtbCorr = account -> RussianDocuments.isValidCorrespondentAccount(account, "044525187");
        return Stream.of(
                Arguments.of("INN 10", legalInn, "7707083893", true),
                Arguments.of("INN 10", legalInn, "7736207543", true),
                Arguments.of("INN 10", legalInn, "7702070139", true),
                Arguments.of("INN 10", legalInn, "7707083894", false),
                Arguments.of("INN 10", legalInn, "770708389", false),
                Arguments.of("INN 10", legalInn, "77070838a3", false),
                Arguments.of("INN 10", legalInn, "500100732259", false),
                Arguments.of("INN 12", personInn, "500100732259", true),
                Arguments.of("INN 12", personInn, "500100732258", false),
                Arguments.of("INN 12", personInn, "500100732249", false),
                Arguments.of("INN 12", personInn, "7707083893", false),
                Arguments.of("INN 12", personInn, " 500100732259", false),
                Arguments.of("INN", inn, "500100732259", true),
                Arguments.of("INN", inn, "7707083893", true),
                Arguments.of("INN", inn, "", false),
                Arguments.of("INN", inn, null, false),
                Arguments.of("SNILS", snils, "112-233-445 95", true),
                Arguments.of("SNILS", snils, "11223344595", true),
                Arguments.of("SNILS", snils, "001-239-570 99", true),
                Arguments.of("SNILS", snils, "001-326-679 00", true),
                Arguments.of("SNILS", snils, "001-508-816 00", true),
                Arguments.of("SNILS", snils, "001-437-545 01", true),
                Arguments.of("SNILS", snils, "017-996-174 00", true),
                Arguments.of("SNILS", snils, "006-996-683 00", true),
                Arguments.of("SNILS", snils, "001-326-679 100", false),
                Arguments.of("SNILS", snils, "017-996-174 100", false),
                Arguments.of("SNILS", snils, "112-233-445 96", false),
                Arguments.of("SNILS", snils, "112 233 445 95", false),
                Arguments.of("SNILS", snils, "112-233-44595", false),
                Arguments.of("SNILS", snils, "000-000-001 09", false),
                Arguments.of("SNILS", snils, null, false),
                Arguments.of("OGRN", ogrn, "1027700132195", true),
                Arguments.of("OGRN", ogrn, "1027700229193", true),
                Arguments.of("OGRN", ogrn, "1027700070518", true),
                Arguments.of("OGRN", ogrn, "1027700132196", false),
                Arguments.of("OGRN", ogrn, "102770013219", false),
                Arguments.of("OGRNIP", ogrnip, "304500116000157", true),
                Arguments.of("OGRNIP", ogrnip, "304500116000158", false),
                Arguments.of("Luhn", luhn, "79927398713", true),
                Arguments.of("Luhn", luhn, "79927398710", false),
                Arguments.of("Luhn", luhn, "0", false),
                Arguments.of("Luhn", luhn, "7992 7398 713", false),
                Arguments.of("MIR", mir, "2200000000000004", true),
                Arguments.of("MIR", mir, "2202201234567895", true),
                Arguments.of("MIR", mir, "2202201234567894", false),
                Arguments.of("MIR", mir, "4276380012345679", false),
                Arguments.of("MIR", mir, "2205000000000001", false),
                Arguments.of("MIR", mir, "220000000000004", false),
                Arguments.of("passport series", series, "4509", true),
                Arguments.of("passport series", series, "0020", false),
                Arguments.of("passport series", series, "45 09", false),
                Arguments.of("BIK", bik, "044525225", true),
                Arguments.of("BIK", bik, "144525225", false),
                Arguments.of("BIK", bik, "04452522", false),
                Arguments.of("account at Sberbank", sberAccount, "40817810700000000001", true),
                Arguments.of("account at Sberbank", sberAccount, "40817810200000000001", false),
                Arguments.of("account at VTB", vtbAccount, "40817810200000000001", true),
                Arguments.of("account at VTB", vtbAccount, "40817810700000000001", false),
                Arguments.of("account at Sberbank", sberAccount, "4081781070000000001", false),
                Arguments.of("correspondent account of Sberbank", sberCorr, "30101810400000000225", true),
                Arguments.of("correspondent account of Sberbank", sberCorr, "30101810500000000225", false),
                Arguments.of("correspondent account of VTB", vtbCorr, "30101810700000000187", true),
                Arguments.of("correspondent account of VTB", vtbCorr, "30101810400000000225", false),
                Arguments.of("VTB's account as Sberbank's", sberCorr, "30101810700000000187", false));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("cases")
    void known_numbers_are_judged_right(String kind, Predicate<String> validator, String number, boolean valid) {
        assertThat(validator.test(number)).isEqualTo(valid);
    }

    @Test
    void every_generated_number_passes_its_validator_and_fails_with_a_changed_check_digit() {
        SplittableRandom random = new SplittableRandom(20_261_122L);
        for (int i = 0; i < DRAWS; i++) {
            String personInn = RussianDocuments.generatePersonInn("7701", random);
            assertThat(RussianDocuments.isValidPersonInn(personInn)).as(personInn).isTrue();
            assertThat(personInn).startsWith("7701").hasSize(12);
            assertThat(RussianDocuments.isValidPersonInn(changeDigit(personInn, 11))).isFalse();

            String legalInn = RussianDocuments.generateLegalEntityInn("1655", random);
            assertThat(RussianDocuments.isValidLegalEntityInn(legalInn)).as(legalInn).isTrue();
            assertThat(legalInn).startsWith("1655").hasSize(10);
            assertThat(RussianDocuments.isValidLegalEntityInn(changeDigit(legalInn, 9))).isFalse();

            String snils = RussianDocuments.generateSnils(random);
            assertThat(RussianDocuments.isValidSnils(snils)).as(snils).isTrue();
            assertThat(RussianDocuments.isValidSnils(changeDigit(snils, 13))).isFalse();

            String ogrn = RussianDocuments.generateOgrn(2015, "16", random);
            assertThat(RussianDocuments.isValidOgrn(ogrn)).as(ogrn).isTrue();
            assertThat(ogrn).startsWith("11516");
            assertThat(RussianDocuments.isValidOgrn(changeDigit(ogrn, 12))).isFalse();

            String card = RussianDocuments.generateMirCard(random);
            assertThat(RussianDocuments.isValidMirCard(card)).as(card).isTrue();
            assertThat(RussianDocuments.isValidMirCard(changeDigit(card, 15))).isFalse();

            Bank bank = Banks.all().get(i % Banks.all().size());
            String account = RussianDocuments.generatePersonalAccount(bank.bik(), random);
            assertThat(RussianDocuments.isValidPersonalAccount(account, bank.bik())).as(account).isTrue();
            assertThat(RussianDocuments.isValidPersonalAccount(changeDigit(account, 8), bank.bik())).isFalse();
        }
    }

    @Test
    void a_single_changed_digit_anywhere_in_a_card_number_breaks_the_luhn_check() {
        String card = "2202201234567895";
        for (int position = 0; position < card.length(); position++) {
            assertThat(RussianDocuments.isValidLuhn(changeDigit(card, position))).as("digit %d", position).isFalse();
        }
    }

    @Test
    void the_passport_series_is_the_okato_code_and_the_two_digit_issue_year() {
        assertThat(RussianDocuments.passportSeries("45", 2009)).isEqualTo("4509");
        assertThat(RussianDocuments.passportSeries("92", 2020)).isEqualTo("9220");
        assertThat(RussianDocuments.passportSeries("03", 2000)).isEqualTo("0300");
    }

    @Test
    void generators_refuse_malformed_prefixes() {
        SplittableRandom random = new SplittableRandom(1);
        assertThatIllegalArgumentException().isThrownBy(() -> RussianDocuments.generatePersonInn("770", random));
        assertThatIllegalArgumentException().isThrownBy(() -> RussianDocuments.generateLegalEntityInn("77a1", random));
        assertThatIllegalArgumentException().isThrownBy(() -> RussianDocuments.generateOgrn(2010, "7", random));
        assertThatIllegalArgumentException().isThrownBy(() -> RussianDocuments.generatePersonalAccount("123", random));
        assertThatIllegalArgumentException().isThrownBy(() -> RussianDocuments.passportSeries("4", 2010));
    }

    @Test
    void the_same_generator_state_gives_the_same_numbers() {
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);
        for (int i = 0; i < 100; i++) {
            assertThat(RussianDocuments.generateSnils(first)).isEqualTo(RussianDocuments.generateSnils(second));
            assertThat(RussianDocuments.generateMirCard(first)).isEqualTo(RussianDocuments.generateMirCard(second));
        }
    }

    /** The number with the digit at {@code index} replaced by the next digit (mod 10). */
    private static String changeDigit(String number, int index) {
        char changed = (char) ('0' + (number.charAt(index) - '0' + 1) % 10);
        return number.substring(0, index) + changed + number.substring(index + 1);
    }
}
