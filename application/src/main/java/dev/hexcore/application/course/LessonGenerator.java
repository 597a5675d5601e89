package dev.hexcore.application.course;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.domain.course.Exercise;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonRules;
import dev.hexcore.domain.course.TargetScript;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.LookalikeLetters;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ResultQuality;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two structured steps of a lesson (seed 002 §20.2): the core (text and vocabulary), then exercises from the
 * saved core. Each step is one {@link ModelGateway#structured} call with the lesson's content checks as validators,
 * so the gateway repairs per the mode; an exercise step that stays invalid leaves the lesson without exercises,
 * {@code needs_review}.
 */
public final class LessonGenerator {
    public static final String PROMPT_VERSION = "lesson-v1";
    static final String CORE_OPERATION = "course.lesson.core";
    static final String EXERCISES_OPERATION = "course.lesson.exercises";
    static final String CORE_SCHEMA = """
            {"type":"object","required":["text","vocabulary"],"additionalProperties":false,
             "properties":{"text":{"type":"string","minLength":40,"maxLength":6000},
              "vocabulary":{"type":"array","minItems":3,"maxItems":15,"items":{"type":"object",
               "required":["word","translation","context_sentence"],"additionalProperties":false,
               "properties":{"word":{"type":"string","minLength":1,"maxLength":100},
                "translation":{"type":"string","minLength":1,"maxLength":200},
                "context_sentence":{"type":"string","maxLength":600}}}}}}""";
    static final String EXERCISES_SCHEMA = """
            {"type":"object","required":["exercises"],"additionalProperties":false,
             "properties":{"exercises":{"type":"array","minItems":3,"maxItems":10,"items":{"type":"object",
              "required":["type","question","options","answer"],"additionalProperties":false,
              "properties":{"type":{"type":"string","enum":["choice","fill_blank","translate"]},
               "question":{"type":"string","minLength":1,"maxLength":600},
               "options":{"type":"array","maxItems":6,"items":{"type":"string","minLength":1,"maxLength":200}},
               "answer":{"type":"string","minLength":1,"maxLength":200}}}}}}""";

    /** Where a lesson's generation stands: its target, the learner's level and native language, the level's topic. */
    public record Context(String targetLanguage, String nativeLanguage, String cefrLevel, String topic, String goal) {
    }

    /** A step's outcome: the parsed core or exercises, and what the gateway reported. */
    public record Step<T>(T value, String json, ResultQuality quality, int repairs, List<String> errors, String provider,
                          String model) {
    }

    private final ModelGateway gateway;
    private final LessonContentCodec codec;
    private final CourseSettings settings;

    public LessonGenerator(ModelGateway gateway, LessonContentCodec codec, CourseSettings settings) {
        this.gateway = gateway;
        this.codec = codec;
        this.settings = settings;
    }

    /** Step one; {@code fresh} skips the response cache (regenerating). Blocks; never call it in a transaction. */
    public Step<LessonCore> core(Context context, GenerationMode mode, boolean fresh) {
        String language = context.targetLanguage();
        String schema = SampleContent.lesson(language).map(codec::writeCore)
                .map(example -> Schemas.withExample(CORE_SCHEMA, example)).orElse(CORE_SCHEMA);
        ModelRequest.Builder request = ModelRequest.structured(CORE_OPERATION, settings.lessonChain(), corePrompt(context), schema)
                .system("You write short lessons for learners of " + language + ". Answer with JSON only.")
                .mode(mode).budget(settings.budget())
                .validator(json -> LessonRules.checkCore(codec.readCore(json), language));
        if (TargetScript.of(language).orElse(null) == TargetScript.CYRILLIC) request.normaliser(LookalikeLetters.toCyrillic());
        if (fresh) request.cache(CachePolicy.bypass());
        ModelResult result = gateway.structured(request.build());
        return new Step<>(codec.readCore(result.json()), result.json(), result.quality(), result.repairs(),
                result.validationErrors(), result.provider(), result.model());
    }

    /** Step two, from the saved core. A step that stays invalid gives no exercises and {@code needs_review}. */
    public Step<List<Exercise>> exercises(Context context, LessonCore core, GenerationMode mode, boolean fresh) {
        String language = context.targetLanguage();
        String example = codec.writeExercises(SampleContent.exercises(core, language));
        ModelRequest.Builder request = ModelRequest.structured(EXERCISES_OPERATION, settings.lessonChain(),
                        exercisesPrompt(context, core), Schemas.withExample(EXERCISES_SCHEMA, example))
                .system("You write exercises for learners of " + language + ". Answer with JSON only.")
                .mode(mode).budget(settings.budget())
                .validator(json -> LessonRules.checkExercises(codec.readExercises(json), core, language));
        if (TargetScript.of(language).orElse(null) == TargetScript.CYRILLIC) request.normaliser(LookalikeLetters.toCyrillic());
        if (fresh) request.cache(CachePolicy.bypass());
        ModelResult result = gateway.structured(request.build());
        List<Exercise> exercises = result.quality() == ResultQuality.OK ? codec.readExercises(result.json()) : List.of();
        return new Step<>(exercises, result.json(), result.quality(), result.repairs(), result.validationErrors(),
                result.provider(), result.model());
    }

    /** A step no model answered: no exercises, {@code needs_review}, {@code EXERCISES_UNAVAILABLE}. */
    static Step<List<Exercise>> unavailableExercises() {
        return new Step<>(List.of(), null, ResultQuality.NEEDS_REVIEW, 0, List.of("EXERCISES_UNAVAILABLE"), null, null);
    }

    static String corePrompt(Context c) {
        return "Write a short lesson text in " + c.targetLanguage() + " for a learner at CEFR level " + c.cefrLevel()
                + " whose native language is " + c.nativeLanguage() + ". Topic: " + c.topic() + " (" + c.goal() + "). "
                + "Use 4 to 8 simple sentences. Then list 5 to 10 words or short phrases of the text to learn, each written "
                + "exactly as it appears in the text, with its translation into " + c.nativeLanguage()
                + " and the sentence of the text it occurs in.";
    }

    static String exercisesPrompt(Context c, LessonCore core) {
        String vocabulary = core.vocabulary().stream().map(v -> "- " + v.word() + " — " + v.translation())
                .collect(Collectors.joining("\n"));
        return "Write 3 to 6 exercises for this " + c.targetLanguage() + " lesson at CEFR level " + c.cefrLevel()
                + " (types: choice, fill_blank, translate). Every answer must be a word of the vocabulary or of the text; "
                + "a choice exercise lists its options, the answer among them; other exercises have no options.\n\nText:\n"
                + core.text() + "\n\nVocabulary:\n" + vocabulary;
    }
}
