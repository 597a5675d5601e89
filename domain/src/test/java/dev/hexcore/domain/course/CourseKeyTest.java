package dev.hexcore.domain.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseKeyTest {
    @Test
    void theSameInterestsInAnyOrderAndCaseShareASlug() {
        String slug = CourseKey.slug("Kazakh", "A1", List.of("Travel", "Music"));
        assertThat(CourseKey.slug("kazakh ", "a1", List.of(" music", "TRAVEL"))).isEqualTo(slug);
        assertThat(slug).startsWith("kazakh-a1-");
    }

    @Test
    void anotherLanguageLevelOrInterestIsAnotherSlug() {
        String slug = CourseKey.slug("Kazakh", "A1", List.of("Travel"));
        assertThat(CourseKey.slug("Russian", "A1", List.of("Travel"))).isNotEqualTo(slug);
        assertThat(CourseKey.slug("Kazakh", "A2", List.of("Travel"))).isNotEqualTo(slug);
        assertThat(CourseKey.slug("Kazakh", "A1", List.of("Travel", "Food"))).isNotEqualTo(slug);
    }

    @Test
    void levelsAreA1ToC2() {
        assertThat(CefrLevel.parse("level", " b2 ")).isEqualTo("B2");
        assertThatThrownBy(() -> CefrLevel.parse("level", "D1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CefrLevel.parse("level", null)).isInstanceOf(InvalidValueException.class);
    }
}
