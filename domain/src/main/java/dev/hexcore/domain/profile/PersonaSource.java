package dev.hexcore.domain.profile;

import java.util.random.RandomGenerator;

/**
 * Where the words of a synthetic person come from: Russian names, street names and company names (Datafaker in
 * production). Regions, cities, banks and every document number stay in the domain so they remain consistent.
 *
 * <p>Contract, which {@link ProfileGenerator}'s determinism rests on:
 * <ul>
 *   <li>every answer depends only on the arguments and on the values drawn from {@code random}; an implementation
 *       has no randomness or mutable state of its own, so the same generator state gives the same answer;</li>
 *   <li>it is safe to call from several threads at once (each call brings its own {@code random});</li>
 *   <li>answers are in Cyrillic, and a name's last name, first name and patronymic all have the gender asked for
 *       (patronymics end in -ич for men and -на for women).</li>
 * </ul>
 */
public interface PersonaSource {
    /** A full name of the given gender. */
    PersonName name(Gender gender, RandomGenerator random);

    /** A street with its kind, as written in an address: "ул. Ленина", "Садовая ул.", "пр-т Мира". */
    String street(RandomGenerator random);

    /** A company's name without its legal form or quotes: "Промторг", "Волгаснаб". */
    String company(RandomGenerator random);
}
