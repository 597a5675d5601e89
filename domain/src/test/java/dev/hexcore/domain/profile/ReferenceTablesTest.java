package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReferenceTablesTest {

    @ParameterizedTest(name = "{0}: OKATO {1}, subject {2}")
    @CsvSource({
        "Moscow, 45, 77",
        "Saint Petersburg, 40, 78",
        "Moscow Oblast, 46, 50",
        "Republic of Tatarstan, 92, 16",
        "Republic of Bashkortostan, 80, 02",
        "Sverdlovsk Oblast, 65, 66",
        "Krasnodar Krai, 03, 23",
        "Primorsky Krai, 05, 25",
    })
    void regions_carry_their_real_codes(String nameEn, String okato, String subjectCode) {
        Region region = Regions.bySubjectCode(subjectCode).orElseThrow();
        assertThat(region.nameEn()).isEqualTo(nameEn);
        assertThat(region.okato()).isEqualTo(okato);
        assertThat(Regions.byOkato(okato)).contains(region);
    }

    @Test
    void okato_and_subject_codes_are_unique_and_every_region_has_cities() {
        assertThat(Regions.all()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Regions.all().stream().map(Region::okato)).doesNotHaveDuplicates();
        assertThat(Regions.all().stream().map(Region::subjectCode)).doesNotHaveDuplicates();
        assertThat(Regions.all()).allSatisfy(region -> assertThat(region.cities()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            77 | 2020-03-01 | RU | ГУ МВД России по г. Москве
            16 | 2020-03-01 | RU | МВД по Республике Татарстан
            71 | 2020-03-01 | RU | УМВД России по Тульской области
            47 | 2020-03-01 | RU | ГУ МВД России по г. Санкт-Петербургу и Ленинградской области
            77 | 2010-03-01 | RU | УФМС России по г. Москве
            77 | 2020-03-01 | EN | Main Directorate of the Ministry of Internal Affairs of Russia for Moscow
            16 | 2020-03-01 | EN | Ministry of Internal Affairs for the Republic of Tatarstan
            16 | 2010-03-01 | EN | Office of the Federal Migration Service of Russia for the Republic of Tatarstan
            """)
    void passport_issuers_are_named_for_the_region_and_the_era(String subjectCode, LocalDate issued,
                                                               ProfileLocale locale, String issuer) {
        assertThat(Regions.bySubjectCode(subjectCode).orElseThrow().passportIssuer(issued, locale)).isEqualTo(issuer);
    }

    @Test
    void every_bank_has_a_valid_bik_and_correspondent_account() {
        assertThat(Banks.all()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(bank -> {
            assertThat(RussianDocuments.isValidBik(bank.bik())).isTrue();
            assertThat(RussianDocuments.isValidCorrespondentAccount(bank.correspondentAccount(), bank.bik())).isTrue();
        });
        assertThat(Banks.all().stream().map(Bank::bik)).doesNotHaveDuplicates();
    }

    @Test
    void a_bank_whose_correspondent_account_does_not_fit_its_bik_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Bank("Банк", "Bank", "044525225", "30101810700000000187"));
    }

    @Test
    void every_age_from_eighteen_has_positions() {
        assertThat(Positions.forAge(18)).isNotEmpty().allSatisfy(position -> assertThat(position.minAge()).isLessThanOrEqualTo(18));
        assertThat(Positions.forAge(75)).isEqualTo(Positions.all());
    }
}
