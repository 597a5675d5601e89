package dev.hexcore.adapters.ai.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.Exercise;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonCore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the course and lesson steps (the schemas in {@code CourseGenerator} and {@code LessonGenerator}),
 * read and written with Jackson's tree model: snake_case keys, missing optional text as "".
 */
@ApplicationScoped
public class JacksonLessonContentCodec implements LessonContentCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public CourseOutline readOutline(String json) {
        JsonNode root = read(json);
        List<CourseOutline.Section> sections = new ArrayList<>();
        for (JsonNode section : root.path("sections")) {
            List<CourseOutline.Unit> units = new ArrayList<>();
            for (JsonNode unit : section.path("units")) {
                units.add(new CourseOutline.Unit(text(unit, "topic"), text(unit, "description"), text(unit, "icon")));
            }
            sections.add(new CourseOutline.Section(text(section, "title"), text(section, "description"), units));
        }
        return new CourseOutline(text(root, "theme"), sections);
    }

    @Override
    public String writeOutline(CourseOutline outline) {
        ObjectNode root = MAPPER.createObjectNode().put("theme", outline.theme());
        ArrayNode sections = root.putArray("sections");
        for (CourseOutline.Section section : outline.sections()) {
            ObjectNode s = sections.addObject().put("title", section.title()).put("description", section.description());
            ArrayNode units = s.putArray("units");
            for (CourseOutline.Unit unit : section.units()) {
                units.addObject().put("topic", unit.topic()).put("description", unit.description()).put("icon", unit.icon());
            }
        }
        return write(root);
    }

    @Override
    public LessonCore readCore(String json) {
        JsonNode root = read(json);
        List<LessonCore.VocabularyEntry> vocabulary = new ArrayList<>();
        for (JsonNode entry : root.path("vocabulary")) {
            vocabulary.add(new LessonCore.VocabularyEntry(text(entry, "word"), text(entry, "translation"),
                    text(entry, "context_sentence")));
        }
        return new LessonCore(text(root, "text"), vocabulary);
    }

    @Override
    public String writeCore(LessonCore core) {
        ObjectNode root = MAPPER.createObjectNode().put("text", core.text());
        ArrayNode vocabulary = root.putArray("vocabulary");
        for (LessonCore.VocabularyEntry entry : core.vocabulary()) {
            vocabulary.addObject().put("word", entry.word()).put("translation", entry.translation())
                    .put("context_sentence", entry.contextSentence());
        }
        return write(root);
    }

    @Override
    public List<Exercise> readExercises(String json) {
        List<Exercise> exercises = new ArrayList<>();
        for (JsonNode exercise : read(json).path("exercises")) {
            List<String> options = new ArrayList<>();
            exercise.path("options").forEach(option -> options.add(option.asText()));
            exercises.add(new Exercise(text(exercise, "type"), text(exercise, "question"), options, text(exercise, "answer")));
        }
        return exercises;
    }

    @Override
    public String writeExercises(List<Exercise> exercises) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("exercises");
        for (Exercise exercise : exercises) {
            ObjectNode e = list.addObject().put("type", exercise.type()).put("question", exercise.question());
            ArrayNode options = e.putArray("options");
            exercise.options().forEach(options::add);
            e.put("answer", exercise.answer());
        }
        return write(root);
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) throw new IllegalArgumentException("expected a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
