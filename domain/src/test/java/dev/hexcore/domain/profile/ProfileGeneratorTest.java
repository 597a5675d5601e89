package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int MANY = 3_000;

    private final ProfileGenerator generator = new ProfileGenerator(new ListPersonaSource());

    @ParameterizedTest(name = "seed {0}, {1}, today {2}")
    @CsvSource({
        "1, RU, 2026-11-22",
        "1, EN, 2026-11-22",
        "-7316495027, RU, 2028-02-29",
        "9007199254740993, EN, 2027-01-01",
        "42, RU, 2030-12-31",
    })
    void thousands_of_profiles_keep_every_rule(long seed, ProfileLocale locale, LocalDate today) {
        List<PersonProfile> profiles = generator.generate(seed, MANY, locale, today);

        assertThat(profiles).hasSize(MANY);
        profiles.forEach(profile -> ProfileInvariants.assertConsistent(profile, today));
        assertThat(profiles).allSatisfy(profile -> assertThat(profile.locale()).isEqualTo(locale.code()));
    }

    @Test
    void the_generated_population_is_varied() {
        List<PersonProfile> profiles = generator.generate(7, MANY, ProfileLocale.RU, TODAY);

        assertThat(profiles.stream().map(PersonProfile::gender).distinct()).containsExactlyInAnyOrder("male", "female");
        assertThat(profiles.stream().map(p -> p.address().region()).distinct()).hasSameSizeAs(Regions.all());
        assertThat(profiles.stream().map(p -> p.finance().bik()).distinct()).hasSameSizeAs(Banks.all());
        assertThat(profiles.stream().map(PersonProfile::inn).distinct()).hasSize(MANY);
        List<Long> ages = profiles.stream().map(p -> ChronoUnit.YEARS.between(p.birthDate(), TODAY)).toList();
        assertThat(ages).contains(18L, 75L);
        assertThat(profiles.stream().map(p -> p.passport().issuedBy()).filter(i -> i.startsWith("УФМС"))).isNotEmpty();
    }

    @Test
    void the_same_seed_gives_the_same_profiles() {
        assertThat(generator.generate(123, 50, ProfileLocale.RU, TODAY))
                .isEqualTo(new ProfileGenerator(new ListPersonaSource()).generate(123, 50, ProfileLocale.RU, TODAY));
    }

    @Test
    void a_smaller_batch_is_a_prefix_of_a_larger_one() {
        List<PersonProfile> ten = generator.generate(99, 10, ProfileLocale.EN, TODAY);

        assertThat(generator.generate(99, 5, ProfileLocale.EN, TODAY)).isEqualTo(ten.subList(0, 5));
        assertThat(generator.generate(99, 1, ProfileLocale.EN, TODAY)).containsExactly(ten.get(0));
    }

    @Test
    void different_seeds_give_different_people() {
        List<PersonProfile> first = generator.generate(1, 200, ProfileLocale.RU, TODAY);
        List<PersonProfile> second = generator.generate(2, 200, ProfileLocale.RU, TODAY);

        long sameInn = IntStream.range(0, 200).filter(i -> first.get(i).inn().equals(second.get(i).inn())).count();
        assertThat(sameInn).isZero();
        assertThat(first.stream().map(PersonProfile::snils)).doesNotContainAnyElementsOf(
                second.stream().map(PersonProfile::snils).toList());
    }

    @Test
    void english_and_russian_describe_the_same_person_with_the_same_digits() {
        List<PersonProfile> russian = generator.generate(2026, 500, ProfileLocale.RU, TODAY);
        List<PersonProfile> english = generator.generate(2026, 500, ProfileLocale.EN, TODAY);

        for (int i = 0; i < russian.size(); i++) {
            PersonProfile ru = russian.get(i);
            PersonProfile en = english.get(i);
            assertThat(en.lastName()).isEqualTo(Transliteration.toLatin(ru.lastName()));
            assertThat(en.firstName()).isEqualTo(Transliteration.toLatin(ru.firstName()));
            assertThat(en.middleName()).isEqualTo(Transliteration.toLatin(ru.middleName()));
            assertThat(en.address().street()).isEqualTo(Transliteration.toLatin(ru.address().street()));
            assertThat(en.gender()).isEqualTo(ru.gender());
            assertThat(en.birthDate()).isEqualTo(ru.birthDate());
            assertThat(List.of(en.passport().series(), en.passport().number(), en.passport().divisionCode()))
                    .isEqualTo(List.of(ru.passport().series(), ru.passport().number(), ru.passport().divisionCode()));
            assertThat(en.passport().issueDate()).isEqualTo(ru.passport().issueDate());
            assertThat(List.of(en.inn(), en.snils(), en.phone(), en.email()))
                    .isEqualTo(List.of(ru.inn(), ru.snils(), ru.phone(), ru.email()));
            assertThat(List.of(en.address().postcode(), en.address().house(), en.address().apartment()))
                    .isEqualTo(List.of(ru.address().postcode(), ru.address().house(), ru.address().apartment()));
            Finance enFinance = en.finance();
            Finance ruFinance = ru.finance();
            assertThat(List.of(enFinance.bik(), enFinance.correspondentAccount(), enFinance.accountNumber(),
                    enFinance.cardNumber(), enFinance.cardExpiry(), enFinance.cardHolder(), enFinance.employerInn(),
                    enFinance.employerOgrn()))
                    .isEqualTo(List.of(ruFinance.bik(), ruFinance.correspondentAccount(), ruFinance.accountNumber(),
                            ruFinance.cardNumber(), ruFinance.cardExpiry(), ruFinance.cardHolder(),
                            ruFinance.employerInn(), ruFinance.employerOgrn()));
            assertThat(enFinance.monthlyIncome()).isEqualTo(ruFinance.monthlyIncome());
            assertThat(enFinance.monthlyExpenses()).isEqualTo(ruFinance.monthlyExpenses());
            assertThat(enFinance.workExperienceMonths()).isEqualTo(ruFinance.workExperienceMonths());
        }
    }

    @Test
    void a_russian_profile_reads_like_russian_paperwork() {
        PersonProfile profile = generator.generate(5, 1, ProfileLocale.RU, TODAY).get(0);

        assertThat(profile.birthPlace()).startsWith("г. ");
        assertThat(profile.finance().employer()).startsWith("ООО «").endsWith("»");
        assertThat(profile.passport().issuedBy()).containsAnyOf("МВД", "УФМС");
    }

    @Test
    void an_empty_batch_is_empty_and_a_negative_count_is_refused() {
        assertThat(generator.generate(1, 0, ProfileLocale.RU, TODAY)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> generator.generate(1, -1, ProfileLocale.RU, TODAY));
    }

    @ParameterizedTest(name = "age {0} -> passport of age {1}")
    @CsvSource({"18, 14", "19, 14", "20, 20", "44, 20", "45, 45", "75, 45"})
    void the_valid_passport_is_the_last_one_issued(int age, int passportAge) {
        assertThat(SyntheticPersonFactory.currentPassportAge(age)).isEqualTo(passportAge);
    }
}
