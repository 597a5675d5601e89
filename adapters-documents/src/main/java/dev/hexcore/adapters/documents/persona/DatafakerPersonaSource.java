package dev.hexcore.adapters.documents.persona;

import dev.hexcore.domain.profile.Gender;
import dev.hexcore.domain.profile.PersonName;
import dev.hexcore.domain.profile.PersonaSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Russian names, streets and companies from Datafaker's {@code ru} data: gendered last names, first names and
 * patronymics, street titles and company-name parts.
 *
 * <p>Datafaker's word lists are read once, into immutable lists, and every answer is picked from them with the
 * caller's {@link RandomGenerator} only: the same generator state gives the same answer, no Faker (whose own random
 * is shared, mutable state) is touched per call, and calls from several threads are safe. Datafaker's own
 * {@code Faker.name()} and friends are deliberately not used for the same reason.
 *
 * <p>The lists are loaded once per JVM on first use, not in the constructor, because CDI calls this constructor for
 * the client proxy as well. The load builds one Faker and parses {@code ru.yml}: about 0.7 s on a busy 2-core machine,
 * paid by the first request; after that 100 profiles take about 1–2 ms.
 *
 * <p>Native image: Datafaker reads its data as class-path resources. For the keys used here only {@code ru.yml} (at
 * the root of the datafaker jar) is opened (checked on the JVM with a logging class loader), so a native build must
 * include it, e.g. {@code quarkus.native.resources.includes=ru.yml}. No expression is resolved, so Datafaker's
 * reflective provider lookup is not exercised; a native build has not been tried yet.
 */
@ApplicationScoped
public class DatafakerPersonaSource implements PersonaSource {
    private static final String PARTNERS = " и партнёры";

    /** Cheap: the word lists load on first use (see the class comment). */
    public DatafakerPersonaSource() {
    }

    @Override
    public PersonName name(Gender gender, RandomGenerator random) {
        RussianWords words = RussianWords.get();
        boolean male = gender == Gender.MALE;
        return new PersonName(
                pick(male ? words.maleLastNames() : words.femaleLastNames(), random),
                pick(male ? words.maleFirstNames() : words.femaleFirstNames(), random),
                pick(male ? words.malePatronymics() : words.femalePatronymics(), random));
    }

    /**
     * "ул. Садовая" for a feminine title, "Школьный пер." for a masculine one, "ул. Ленина" or "пр-т Мира" for a name
     * in the genitive, so the kind of street always agrees with its title.
     */
    @Override
    public String street(RandomGenerator random) {
        String title = pick(RussianWords.get().streetTitles(), random);
        if (title.endsWith("ая")) return "ул. " + title;
        if (title.endsWith("ый") || title.endsWith("ой") || title.endsWith("ий")) return title + " пер.";
        return random.nextInt(5) == 0 ? "пр-т " + title : "ул. " + title;
    }

    /** "Промсбыт" or "Снабторгтрейд" from Datafaker's company-name parts, "Виктория", or "Смирнов и партнёры". */
    @Override
    public String company(RandomGenerator random) {
        RussianWords words = RussianWords.get();
        int pattern = random.nextInt(10);
        if (pattern < 2) return pick(words.femaleFirstNames(), random);
        if (pattern < 5) return pick(words.maleLastNames(), random) + PARTNERS;
        return compound(words.companyParts(), 2 + random.nextInt(2), random);
    }

    /** {@code count} different parts joined into one word, only the first capitalised: "Промторгснаб". */
    private static String compound(List<String> parts, int count, RandomGenerator random) {
        List<String> pool = new ArrayList<>(parts);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            String part = pool.remove(random.nextInt(pool.size()));
            name.append(i == 0 ? part : part.toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
