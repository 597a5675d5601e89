package dev.hexcore.domain.course;

import java.util.List;

/** Step one of a lesson (seed 002 §20.2 A): a text in the target language and the words it teaches. */
public record LessonCore(String text, List<VocabularyEntry> vocabulary) {
    public LessonCore {
        vocabulary = List.copyOf(vocabulary);
    }

    public record VocabularyEntry(String word, String translation, String contextSentence) {
    }
}
