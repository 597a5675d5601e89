package dev.hexcore.domain.course;

import dev.hexcore.domain.shared.Sha256;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The slug that makes a course template shareable: the same target language, CEFR level and interests (in any order
 * and case) give the same slug, so a second learner with them reuses the active template without a model call.
 */
public final class CourseKey {
    private CourseKey() {
    }

    public static String slug(String targetLanguage, String cefrLevel, List<String> interests) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String interest : interests) sorted.add(interest.strip().toLowerCase(Locale.ROOT));
        String canonical = targetLanguage.strip().toLowerCase(Locale.ROOT) + "|" + cefrLevel.strip().toUpperCase(Locale.ROOT)
                + "|" + String.join(",", sorted);
        String language = targetLanguage.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (language.isEmpty() || language.length() > 30) language = "lang";
        return language + "-" + cefrLevel.strip().toLowerCase(Locale.ROOT) + "-" + Sha256.hex(canonical).substring(0, 16);
    }
}
