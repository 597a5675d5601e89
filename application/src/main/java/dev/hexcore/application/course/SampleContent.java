package dev.hexcore.application.course;

import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.Exercise;
import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonCore.VocabularyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A valid answer for each step, put into the step's JSON Schema as its {@code examples} (an annotation the model
 * providers do not receive): the offline provider answers with it, so courses and lessons are deterministic and pass
 * the content checks on embedded defaults. Lesson samples exist for the languages below; for another target language
 * the offline answer is built from the schema alone and ends up {@code needs_review}.
 */
public final class SampleContent {
    private static final Map<String, LessonCore> LESSONS = Map.of(
            "kazakh", core("Сәлем! Менің атым Айгүл. Мен Алматыда тұрамын. Мен кітап оқығанды жақсы көремін. "
                            + "Бүгін ауа райы жақсы. Біз досыммен саябаққа барамыз.",
                    entry("сәлем", "hello", "Сәлем! Менің атым Айгүл."),
                    entry("атым", "my name", "Менің атым Айгүл."),
                    entry("кітап", "book", "Мен кітап оқығанды жақсы көремін."),
                    entry("ауа райы", "weather", "Бүгін ауа райы жақсы."),
                    entry("саябаққа", "to the park", "Біз досыммен саябаққа барамыз.")),
            "russian", core("Привет! Меня зовут Анна. Я живу в Москве. Утром я пью чай и читаю книгу. "
                            + "Вечером мы гуляем в парке с друзьями.",
                    entry("привет", "hello", "Привет! Меня зовут Анна."),
                    entry("живу", "I live", "Я живу в Москве."),
                    entry("чай", "tea", "Утром я пью чай и читаю книгу."),
                    entry("книгу", "book", "Утром я пью чай и читаю книгу."),
                    entry("парке", "park", "Вечером мы гуляем в парке с друзьями.")),
            "english", core("Hello! My name is Tom. I live in a small town. Every morning I drink coffee and read a book. "
                            + "In the evening I walk in the park with my friends.",
                    entry("hello", "привет", "Hello! My name is Tom."),
                    entry("town", "город", "I live in a small town."),
                    entry("coffee", "кофе", "Every morning I drink coffee and read a book."),
                    entry("book", "книга", "Every morning I drink coffee and read a book."),
                    entry("park", "парк", "In the evening I walk in the park with my friends.")),
            "german", core("Hallo! Ich heiße Anna und wohne in Berlin. Am Morgen trinke ich Kaffee und lese ein Buch. "
                            + "Am Abend gehe ich mit meinen Freunden in den Park.",
                    entry("Hallo", "hello", "Hallo! Ich heiße Anna und wohne in Berlin."),
                    entry("wohne", "I live", "Ich heiße Anna und wohne in Berlin."),
                    entry("Kaffee", "coffee", "Am Morgen trinke ich Kaffee und lese ein Buch."),
                    entry("Buch", "book", "Am Morgen trinke ich Kaffee und lese ein Buch."),
                    entry("Park", "park", "Am Abend gehe ich mit meinen Freunden in den Park.")),
            "french", core("Bonjour ! Je m'appelle Léa et j'habite à Lyon. Le matin, je bois du café et je lis un livre. "
                            + "Le soir, je me promène au parc avec mes amis.",
                    entry("bonjour", "hello", "Bonjour ! Je m'appelle Léa."),
                    entry("café", "coffee", "Le matin, je bois du café."),
                    entry("livre", "book", "Je lis un livre."),
                    entry("parc", "park", "Le soir, je me promène au parc avec mes amis."),
                    entry("amis", "friends", "Le soir, je me promène au parc avec mes amis.")),
            "spanish", core("¡Hola! Me llamo Lucía y vivo en Madrid. Por la mañana tomo café y leo un libro. "
                            + "Por la tarde paseo por el parque con mis amigos.",
                    entry("hola", "hello", "¡Hola! Me llamo Lucía."),
                    entry("café", "coffee", "Por la mañana tomo café."),
                    entry("libro", "book", "Leo un libro."),
                    entry("parque", "park", "Por la tarde paseo por el parque."),
                    entry("amigos", "friends", "Paseo por el parque con mis amigos.")));

    private SampleContent() {
    }

    /** A sample lesson core in {@code targetLanguage}, if there is one. */
    public static Optional<LessonCore> lesson(String targetLanguage) {
        return Optional.ofNullable(LESSONS.get(targetLanguage.strip().toLowerCase(Locale.ROOT)));
    }

    /** Exercises whose answers are the core's words: "translate" with the words as options. */
    public static List<Exercise> exercises(LessonCore core, String targetLanguage) {
        List<String> words = core.vocabulary().stream().map(VocabularyEntry::word).distinct().toList();
        List<Exercise> exercises = new ArrayList<>();
        for (int i = 0; i < words.size() && i < 5; i++) {
            VocabularyEntry entry = core.vocabulary().get(i);
            List<String> options = new ArrayList<>();
            for (int j = 0; j < Math.min(4, words.size()); j++) options.add(words.get((i + j) % words.size()));
            options.sort(String::compareTo);
            exercises.add(new Exercise("translate", "Translate into " + targetLanguage + ": " + entry.translation(),
                    options, entry.word()));
        }
        return exercises;
    }

    /** A course with a section per interest (at most four), two units each. */
    public static CourseOutline course(String targetLanguage, String cefrLevel, List<String> interests) {
        List<CourseOutline.Section> sections = new ArrayList<>();
        String[] icons = {"star", "book", "chat", "map"};
        for (int i = 0; i < interests.size() && i < 4; i++) {
            String interest = interests.get(i).strip();
            sections.add(new CourseOutline.Section(interest, targetLanguage + " for " + interest + " at " + cefrLevel,
                    List.of(new CourseOutline.Unit(interest + ": first words", "Greetings and the first words about " + interest,
                                    icons[i % icons.length]),
                            new CourseOutline.Unit(interest + ": conversation", "Short dialogues about " + interest, "chat"))));
        }
        return new CourseOutline(targetLanguage + " through " + String.join(", ", interests), sections);
    }

    private static LessonCore core(String text, VocabularyEntry... entries) {
        return new LessonCore(text, List.of(entries));
    }

    private static VocabularyEntry entry(String word, String translation, String sentence) {
        return new VocabularyEntry(word, translation, sentence);
    }
}
