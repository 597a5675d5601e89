package dev.hexcore.domain.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates synthetic Russian people whose documents pass every checksum.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Deterministic</b>: profile {@code i} depends only on {@code seed}, {@code i} and {@code today} (and the
 *       {@link PersonaSource}, which must itself be deterministic), so {@code generate(seed, 5, …)} is a prefix of
 *       {@code generate(seed, 10, …)}, and {@link ProfileLocale#RU} and {@link ProfileLocale#EN} describe the same
 *       person with the same digits.</li>
 *   <li><b>Valid</b>: personal INN, SNILS, MIR card (Luhn), personal account and correspondent account (control key
 *       for the BIK), employer INN and OGRN all pass {@link RussianDocuments}' validators.</li>
 *   <li><b>Consistent</b>: age 18–75 on {@code today}; the passport is the one valid for that age (issued within 90
 *       days after the 14th, 20th or 45th birthday, never after {@code today}); its series starts with the region's
 *       OKATO code and ends with the issue year; the division code and INN start with the region's subject code; the
 *       address is in the same region; the patronymic has the person's gender; the e-mail and card holder are the
 *       transliterated name; the card expires after {@code today}; work experience fits in the years since 18.</li>
 * </ul>
 * Thread-safe when its {@link PersonaSource} is: it keeps no state between calls.
 */
public final class ProfileGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final SyntheticPersonFactory factory;

    public ProfileGenerator(PersonaSource personas) {
        this.factory = new SyntheticPersonFactory(Objects.requireNonNull(personas, "personas"));
    }

    /**
     * {@code count} profiles for {@code seed}, written in {@code locale}, with ages and dates relative to
     * {@code today}. The caller bounds {@code count}; a negative one is refused.
     */
    public List<PersonProfile> generate(long seed, int count, ProfileLocale locale, LocalDate today) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(today, "today");
        List<PersonProfile> profiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            profiles.add(ProfileRenderer.render(factory.create(profileSeed(seed, i), today), locale));
        }
        return profiles;
    }

    /** A well-mixed seed for profile {@code index} of a batch (SplitMix64's finaliser over seed and index). */
    static long profileSeed(long seed, int index) {
        long z = seed + (index + 1L) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
