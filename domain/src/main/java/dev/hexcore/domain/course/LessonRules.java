package dev.hexcore.domain.course;

import dev.hexcore.domain.generation.ValidationIssue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seed 002's content checks of a lesson, as pure functions of the parsed answer (the gateway runs them as validators
 * and sends their issues back in a repair round):
 * <ul>
 *   <li>{@code VOCABULARY_NOT_IN_TEXT}: every vocabulary word occurs in the text (both normalised, {@link Words});</li>
 *   <li>{@code VOCABULARY_DUPLICATE}: vocabulary words are unique;</li>
 *   <li>{@code TEXT_WRONG_SCRIPT}: the text is written in the target language's script ({@link TargetScript});</li>
 *   <li>{@code ANSWER_NOT_IN_LESSON}: an exercise's answer comes from the text or the vocabulary;</li>
 *   <li>{@code ANSWER_NOT_IN_OPTIONS}: a choice exercise offers its answer.</li>
 * </ul>
 */
public final class LessonRules {
    private LessonRules() {
    }

    public static List<ValidationIssue> checkCore(LessonCore core, String targetLanguage) {
        List<ValidationIssue> issues = new ArrayList<>();
        String text = Words.normalise(core.text(), targetLanguage);
        Set<String> seen = new HashSet<>();
        for (LessonCore.VocabularyEntry entry : core.vocabulary()) {
            String word = Words.normalise(entry.word(), targetLanguage);
            if (!seen.add(word)) {
                issues.add(new ValidationIssue("VOCABULARY_DUPLICATE", "the word '" + entry.word() + "' is listed twice"));
            } else if (!Words.occursIn(word, text)) {
                issues.add(new ValidationIssue("VOCABULARY_NOT_IN_TEXT",
                        "the word '" + entry.word() + "' does not occur in the text; use it in the text or drop it"));
            }
        }
        TargetScript.of(targetLanguage).ifPresent(script -> {
            if (script.share(core.text()) < TargetScript.MIN_SHARE) {
                issues.add(new ValidationIssue("TEXT_WRONG_SCRIPT", "the text must be written in " + targetLanguage
                        + " (" + script.name().toLowerCase(java.util.Locale.ROOT) + " script)"));
            }
        });
        return issues;
    }

    public static List<ValidationIssue> checkExercises(List<Exercise> exercises, LessonCore core, String targetLanguage) {
        List<ValidationIssue> issues = new ArrayList<>();
        String text = Words.normalise(core.text(), targetLanguage);
        Set<String> known = new HashSet<>();
        for (LessonCore.VocabularyEntry entry : core.vocabulary()) {
            known.add(Words.normalise(entry.word(), targetLanguage));
            known.add(Words.normalise(entry.translation(), targetLanguage));
        }
        for (int i = 0; i < exercises.size(); i++) {
            Exercise exercise = exercises.get(i);
            String answer = Words.normalise(exercise.answer(), targetLanguage);
            if (!known.contains(answer) && !Words.occursIn(answer, text)) {
                issues.add(new ValidationIssue("ANSWER_NOT_IN_LESSON", "exercise " + (i + 1) + ": the answer '"
                        + exercise.answer() + "' is neither in the text nor in the vocabulary"));
            }
            if (!exercise.options().isEmpty() && exercise.options().stream()
                    .noneMatch(option -> Words.normalise(option, targetLanguage).equals(answer))) {
                issues.add(new ValidationIssue("ANSWER_NOT_IN_OPTIONS", "exercise " + (i + 1) + ": the options do not include the answer"));
            }
        }
        return issues;
    }
}
