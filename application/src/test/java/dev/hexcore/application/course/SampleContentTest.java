package dev.hexcore.application.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonRules;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline answers must pass the same checks as a model's, or the embedded default would make broken lessons. */
class SampleContentTest {
    @ParameterizedTest
    @ValueSource(strings = {"Kazakh", "Russian", "English", "German", "French", "Spanish"})
    void everySampleLessonAndItsExercisesPassTheContentChecks(String language) {
        LessonCore core = SampleContent.lesson(language).orElseThrow();
        assertThat(LessonRules.checkCore(core, language)).isEmpty();
        assertThat(core.vocabulary()).hasSizeGreaterThanOrEqualTo(3);
        var exercises = SampleContent.exercises(core, language);
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(3);
        assertThat(LessonRules.checkExercises(exercises, core, language)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Travel", "Music"})
    void theSampleCourseHasUniqueTopics(String interest) {
        var outline = SampleContent.course("Kazakh", "A1", List.of(interest, "Food"));
        assertThat(outline.sections()).hasSize(2);
        assertThat(CourseGenerator.uniqueTopics(outline)).isEmpty();
        assertThat(outline.levelCount()).isEqualTo(12);
    }
}
