package dev.hexcore.adapters.documents.persona;

import java.util.List;
import java.util.Locale;
import net.datafaker.Faker;

/**
 * The Russian word lists of Datafaker's {@code ru.yml}, read once (lazily, on first {@link #get()}) into immutable
 * lists. Thread-safe: the JVM initialises the holder class once.
 */
record RussianWords(List<String> maleLastNames, List<String> femaleLastNames, List<String> maleFirstNames,
                    List<String> femaleFirstNames, List<String> malePatronymics, List<String> femalePatronymics,
                    List<String> streetTitles, List<String> companyParts) {

    static RussianWords get() {
        return Holder.WORDS;
    }

    private static final class Holder {
        private static final RussianWords WORDS = load(new Faker(Locale.forLanguageTag("ru")));
    }

    static RussianWords load(Faker faker) {
        return new RussianWords(
                list(faker, "name.male_last_name"),
                list(faker, "name.female_last_name"),
                list(faker, "name.male_first_name"),
                list(faker, "name.female_first_name"),
                list(faker, "name.male_middle_name"),
                list(faker, "name.female_middle_name"),
                list(faker, "address.street_title"),
                list(faker, "company.suffix"));
    }

    private static List<String> list(Faker faker, String key) {
        Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalStateException("Datafaker has no Russian list under " + key);
        }
        return items.stream().map(String::valueOf).toList();
    }
}
