package dev.hexcore.domain.profile;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A small deterministic {@link PersonaSource} for tests that cannot see Datafaker: a few real Russian names of each
 * gender (including the irregular patronymics Ильич and Никитична), streets and companies, picked with the given
 * generator only.
 */
public final class ListPersonaSource implements PersonaSource {
    private static final List<String> MALE_LAST = List.of("Иванов", "Смирнов", "Щукин", "Подъячев", "Кузнецов");
    private static final List<String> FEMALE_LAST = List.of("Иванова", "Смирнова", "Щукина", "Подъячева", "Кузнецова");
    private static final List<String> MALE_FIRST = List.of("Иван", "Пётр", "Юрий", "Фёдор", "Илья");
    private static final List<String> FEMALE_FIRST = List.of("Анна", "Юлия", "Татьяна", "Ксения", "Дарья");
    private static final List<String> MALE_MIDDLE = List.of("Иванович", "Сергеевич", "Ильич", "Юрьевич", "Никитич");
    private static final List<String> FEMALE_MIDDLE = List.of("Ивановна", "Сергеевна", "Никитична", "Юрьевна", "Ильинична");
    private static final List<String> STREETS = List.of("ул. Ленина", "Садовая ул.", "пр-т Мира", "Школьный пер.");
    private static final List<String> COMPANIES = List.of("Промторг", "Волгаснаб", "Щит и партнёры", "Техсбыт");

    @Override
    public PersonName name(Gender gender, RandomGenerator random) {
        boolean male = gender == Gender.MALE;
        return new PersonName(pick(male ? MALE_LAST : FEMALE_LAST, random), pick(male ? MALE_FIRST : FEMALE_FIRST, random),
                pick(male ? MALE_MIDDLE : FEMALE_MIDDLE, random));
    }

    @Override
    public String street(RandomGenerator random) {
        return pick(STREETS, random);
    }

    @Override
    public String company(RandomGenerator random) {
        return pick(COMPANIES, random);
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
