package dev.hexcore.adapters.documents.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.profile.Gender;
import dev.hexcore.domain.profile.PersonName;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.ProfileGenerator;
import dev.hexcore.domain.profile.ProfileInvariants;
import dev.hexcore.domain.profile.ProfileLocale;
import dev.hexcore.domain.profile.RussianDocuments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatafakerPersonaSourceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int DRAWS = 2_000;
    private static final String CYRILLIC_WORD = "[\\p{IsCyrillic}-]+";

    private final DatafakerPersonaSource source = new DatafakerPersonaSource();

    @Test
    void the_same_seed_gives_the_same_words() {
        assertThat(draw(new DatafakerPersonaSource(), 77)).isEqualTo(draw(source, 77));
        assertThat(draw(source, 78)).isNotEqualTo(draw(source, 77));
    }

    @Test
    void concurrent_callers_get_what_a_single_caller_gets() throws Exception {
        List<String> expected = draw(source, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) results.add(pool.submit(() -> draw(source, 5)));
            for (Future<List<String>> result : results) assertThat(result.get()).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Gender.class)
    void names_are_cyrillic_and_of_the_gender_asked_for(Gender gender) {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < DRAWS; i++) {
            PersonName name = source.name(gender, random);
            assertThat(List.of(name.lastName(), name.firstName(), name.middleName())).allMatch(part -> part.matches(CYRILLIC_WORD));
            if (gender == Gender.MALE) {
                assertThat(name.middleName()).endsWith("ич");
                assertThat(name.lastName()).doesNotEndWith("а").doesNotEndWith("я");
            } else {
                assertThat(name.middleName()).endsWith("на");
                assertThat(name.lastName()).matches(".*[ая]");
            }
        }
    }

    @Test
    void the_names_come_from_datafakers_russian_data() {
        RussianWords words = RussianWords.get();
        assertThat(words.maleLastNames()).contains("Смирнов").hasSizeGreaterThan(100);
        assertThat(words.femaleLastNames()).contains("Смирнова").hasSizeGreaterThan(100);
        assertThat(words.malePatronymics()).contains("Александрович");
        assertThat(words.femalePatronymics()).contains("Александровна");
    }

    @Test
    void streets_name_their_kind_in_agreement_with_the_title() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < DRAWS; i++) {
            String street = source.street(random);
            assertThat(street).containsPattern("\\p{IsCyrillic}");
            if (street.endsWith(" пер.")) assertThat(street).matches(".*(ый|ой|ий) пер\\.");
            else assertThat(street).matches("(ул\\.|пр-т) .+");
            assertThat(street).doesNotMatch("ул\\. .*(ый|ой|ий)");
        }
    }

    @Test
    void companies_are_cyrillic_names_without_legal_form_or_quotes() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < DRAWS; i++) {
            assertThat(source.company(random)).matches("[\\p{IsCyrillic} ]+").doesNotContain("ООО", "«");
        }
    }

    @ParameterizedTest
    @EnumSource(ProfileLocale.class)
    void thousands_of_profiles_from_datafaker_pass_every_check(ProfileLocale locale) {
        List<PersonProfile> profiles = new ProfileGenerator(source).generate(20_261_122L, 2_000, locale, TODAY);

        assertThat(profiles).hasSize(2_000).allSatisfy(profile -> {
            assertThat(RussianDocuments.isValidPersonInn(profile.inn())).isTrue();
            assertThat(RussianDocuments.isValidSnils(profile.snils())).isTrue();
            assertThat(RussianDocuments.isValidMirCard(profile.finance().cardNumber())).isTrue();
            assertThat(RussianDocuments.isValidPersonalAccount(profile.finance().accountNumber(), profile.finance().bik())).isTrue();
            assertThat(RussianDocuments.isValidCorrespondentAccount(profile.finance().correspondentAccount(),
                    profile.finance().bik())).isTrue();
            assertThat(RussianDocuments.isValidLegalEntityInn(profile.finance().employerInn())).isTrue();
            assertThat(RussianDocuments.isValidOgrn(profile.finance().employerOgrn())).isTrue();
            ProfileInvariants.assertConsistent(profile, TODAY);
        });
    }

    @Test
    void profiles_from_datafaker_are_deterministic_by_seed() {
        ProfileGenerator generator = new ProfileGenerator(source);

        List<PersonProfile> first = generator.generate(31, 100, ProfileLocale.RU, TODAY);
        assertThat(new ProfileGenerator(new DatafakerPersonaSource()).generate(31, 100, ProfileLocale.RU, TODAY))
                .isEqualTo(first);
        assertThat(generator.generate(31, 40, ProfileLocale.RU, TODAY)).isEqualTo(first.subList(0, 40));
        assertThat(generator.generate(32, 100, ProfileLocale.RU, TODAY)).isNotEqualTo(first);
    }

    /** Names of both genders, streets and companies drawn from one generator seeded with {@code seed}. */
    private static List<String> draw(DatafakerPersonaSource source, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, 200).mapToObj(i -> String.join("|",
                source.name(i % 2 == 0 ? Gender.MALE : Gender.FEMALE, random).toString(),
                source.street(random), source.company(random))).toList();
    }
}
