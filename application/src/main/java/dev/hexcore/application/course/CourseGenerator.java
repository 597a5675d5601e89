package dev.hexcore.application.course;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ValidationIssue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Asks the gateway for a course outline (seed 002 §20.1): sections, units with topic, description and icon. */
public final class CourseGenerator {
    static final String OPERATION = "course.outline";
    static final String SCHEMA = """
            {"type":"object","required":["theme","sections"],"additionalProperties":false,
             "properties":{"theme":{"type":"string","minLength":1,"maxLength":200},
              "sections":{"type":"array","minItems":1,"maxItems":6,"items":{"type":"object",
               "required":["title","description","units"],"additionalProperties":false,
               "properties":{"title":{"type":"string","minLength":1,"maxLength":200},
                "description":{"type":"string","maxLength":1000},
                "units":{"type":"array","minItems":1,"maxItems":5,"items":{"type":"object",
                 "required":["topic","description","icon"],"additionalProperties":false,
                 "properties":{"topic":{"type":"string","minLength":1,"maxLength":200},
                  "description":{"type":"string","maxLength":1000},
                  "icon":{"type":"string","minLength":1,"maxLength":64}}}}}}}}}""";

    private final ModelGateway gateway;
    private final LessonContentCodec codec;
    private final CourseSettings settings;

    public CourseGenerator(ModelGateway gateway, LessonContentCodec codec, CourseSettings settings) {
        this.gateway = gateway;
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * The outline for a learner of {@code targetLanguage}; {@code fresh} skips the response cache (a regenerated
     * course should differ). Blocks on the model: never call it in a transaction.
     */
    public CourseOutline outline(String targetLanguage, String nativeLanguage, String cefrLevel, List<String> interests,
                                 boolean fresh) {
        String example = codec.writeOutline(SampleContent.course(targetLanguage, cefrLevel, interests));
        ModelRequest request = ModelRequest.structured(OPERATION, settings.courseChain(),
                        prompt(targetLanguage, nativeLanguage, cefrLevel, interests), Schemas.withExample(SCHEMA, example))
                .system("You design language courses. Answer with JSON only.")
                .validator(json -> uniqueTopics(codec.readOutline(json)))
                .cache(fresh ? CachePolicy.bypass() : CachePolicy.useDefault())
                .budget(settings.budget())
                .build();
        return codec.readOutline(gateway.structured(request).json());
    }

    static String prompt(String targetLanguage, String nativeLanguage, String cefrLevel, List<String> interests) {
        return "Design a " + targetLanguage + " course for a learner at CEFR level " + cefrLevel
                + " whose native language is " + nativeLanguage + ", built around these interests: "
                + String.join(", ", interests) + ". Write 2 to 5 sections of 2 to 4 units each; every unit has a concrete "
                + "topic, a one-sentence description and an icon name (one lower-case word such as plane, music, food). "
                + "Write titles, topics and descriptions in " + nativeLanguage + ".";
    }

    /** {@code UNIT_TOPIC_DUPLICATE}: two units of one course on the same topic. */
    static List<ValidationIssue> uniqueTopics(CourseOutline outline) {
        Set<String> seen = new HashSet<>();
        List<ValidationIssue> issues = new ArrayList<>();
        for (CourseOutline.Section section : outline.sections()) {
            for (CourseOutline.Unit unit : section.units()) {
                if (!seen.add(unit.topic().strip().toLowerCase(Locale.ROOT))) {
                    issues.add(new ValidationIssue("UNIT_TOPIC_DUPLICATE", "the topic '" + unit.topic() + "' appears twice"));
                }
            }
        }
        return issues;
    }
}
