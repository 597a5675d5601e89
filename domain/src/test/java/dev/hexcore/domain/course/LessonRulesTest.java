package dev.hexcore.domain.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.course.LessonCore.VocabularyEntry;
import dev.hexcore.domain.generation.ValidationIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonRulesTest {
    private static final String TEXT = "Сәлем! Менің атым Айгүл. Бүгін ауа райы жақсы.";

    private static VocabularyEntry word(String word) {
        return new VocabularyEntry(word, "translation", "");
    }

    private static List<String> codes(List<ValidationIssue> issues) {
        return issues.stream().map(ValidationIssue::code).toList();
    }

    @Test
    void aCoreWhoseWordsAllOccurInItsTextPasses() {
        LessonCore core = new LessonCore(TEXT, List.of(word("Сәлем"), word("атым"), word("ауа райы")));
        assertThat(LessonRules.checkCore(core, "Kazakh")).isEmpty();
    }

    @Test
    void aWordMissingFromTheTextOrOnlyPartOfAWordIsReported() {
        LessonCore core = new LessonCore(TEXT, List.of(word("алма"), word("ат")));
        assertThat(LessonRules.checkCore(core, "Kazakh")).extracting(ValidationIssue::code)
                .containsExactly("VOCABULARY_NOT_IN_TEXT", "VOCABULARY_NOT_IN_TEXT");
    }

    @Test
    void aWordListedTwiceInAnotherCaseIsADuplicate() {
        LessonCore core = new LessonCore(TEXT, List.of(word("сәлем"), word("СӘЛЕМ")));
        assertThat(codes(LessonRules.checkCore(core, "Kazakh"))).containsExactly("VOCABULARY_DUPLICATE");
    }

    @Test
    void latinLookAlikeLettersInACyrillicTargetAreNormalisedBeforeMatching() {
        // "cәлем" starts with a Latin c, "aтым" with a Latin a
        LessonCore core = new LessonCore(TEXT.replace("Сәлем", "Cәлем"), List.of(word("сәлем"), word("aтым")));
        assertThat(LessonRules.checkCore(core, "Kazakh")).isEmpty();
        assertThat(LessonRules.checkCore(new LessonCore("I like cats and dogs very much.", List.of(word("cats"))), "English"))
                .isEmpty();
    }

    @Test
    void aTextInAnotherScriptThanTheTargetsIsReported() {
        LessonCore english = new LessonCore("Hello! My name is Tom and I like coffee.", List.of(word("coffee")));
        assertThat(codes(LessonRules.checkCore(english, "Russian"))).containsExactly("TEXT_WRONG_SCRIPT");
        assertThat(LessonRules.checkCore(english, "English")).isEmpty();
        assertThat(LessonRules.checkCore(english, "Klingon")).as("unknown script: not checked").isEmpty();
    }

    @Test
    void exerciseAnswersMustComeFromTheLessonAndChoicesMustOfferThem() {
        LessonCore core = new LessonCore(TEXT, List.of(new VocabularyEntry("сәлем", "привет", "")));
        List<Exercise> exercises = List.of(
                new Exercise("choice", "?", List.of("сәлем", "атым"), "сәлем"),
                new Exercise("translate", "?", List.of(), "привет"),
                new Exercise("fill_blank", "?", List.of(), "жақсы"),
                new Exercise("fill_blank", "?", List.of(), "банан"),
                new Exercise("choice", "?", List.of("атым"), "сәлем"));
        assertThat(LessonRules.checkExercises(exercises, core, "Kazakh")).extracting(ValidationIssue::detail)
                .containsExactly("exercise 4: the answer 'банан' is neither in the text nor in the vocabulary",
                        "exercise 5: the options do not include the answer");
    }
}
