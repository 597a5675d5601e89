package dev.hexcore.application.course;

import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CefrLevel;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.Exercise;
import dev.hexcore.domain.course.LessonClaim;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonDraft;
import dev.hexcore.domain.course.LessonReader;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.course.StoredLesson;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lessons (seed 002 §10.2, §20.2). The lesson of (enrollment, level) is claimed in the database before any model call,
 * so concurrent calls on any replica make one lesson and at most one generation; the model calls run outside
 * transactions, and the lesson, its vocabulary and the dictionary are written in one transaction after them.
 */
public final class LessonService implements LessonsUseCase, LessonProducer {
    static final int MAX_TOPIC = 200;

    private final CourseRepository courses;
    private final LessonRepository lessons;
    private final LessonReader reader;
    private final UserRepository users;
    private final LessonGenerator generator;
    private final LessonContentCodec codec;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CourseSettings settings;

    public LessonService(CourseRepository courses, LessonRepository lessons, LessonReader reader, UserRepository users,
                         LessonGenerator generator, LessonContentCodec codec, UnitOfWork unitOfWork, IdGenerator ids,
                         Clock clock, Sleeper sleeper, CourseSettings settings) {
        this.courses = courses;
        this.lessons = lessons;
        this.reader = reader;
        this.users = users;
        this.generator = generator;
        this.codec = codec;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    @Override
    public String generate(Actor actor, GenerateLessonCommand command) {
        UUID userId = CourseService.userId(actor);
        if (command.levelTemplateId() == null) throw new InvalidValueException("level_template_id", "is required");
        String level = command.level() == null ? null : CefrLevel.parse("level", command.level());
        GenerationMode mode = GenerationMode.parse(command.generationMode());
        if (command.topic() != null && command.topic().strip().length() > MAX_TOPIC) {
            throw new InvalidValueException("topic", "must be at most " + MAX_TOPIC + " characters");
        }
        ActiveEnrollment enrollment = courses.activeEnrollment(userId).orElseThrow(() -> new ConflictException(
                "NO_ACTIVE_COURSE", "Generate a course first (POST /api/v1/path/generate)"));
        CourseLevel courseLevel = courses.level(enrollment.id(), command.levelTemplateId())
                .orElseThrow(() -> new NotFoundException("Level"));
        String topic = command.topic() == null || command.topic().isBlank() ? courseLevel.topic() : command.topic().strip();
        UUID lessonId = ensure(userId, enrollment, courseLevel, topic, level == null ? enrollment.cefrLevel() : level, mode, false);
        return get(actor, lessonId);
    }

    /** Claims and generates the lesson, or waits for the caller that claimed it. */
    @Override
    public UUID ensure(UUID userId, ActiveEnrollment enrollment, CourseLevel level, String topic, String cefrLevel,
                GenerationMode mode, boolean replace) {
        Instant deadline = clock.instant().plus(settings.claimWait());
        while (true) {
            Instant now = clock.instant();
            LessonClaim claim = lessons.claim(ids.next(), enrollment.id(), level.id(), topic, LessonGenerator.PROMPT_VERSION,
                    now, now.minus(settings.staleClaim()));
            if (claim.owned()) {
                generateInto(claim.lessonId(), userId, enrollment, level, topic, cefrLevel, mode);
                return claim.lessonId();
            }
            if (claim.ready()) {
                if (!replace) return claim.lessonId();
                generateInto(claim.lessonId(), userId, enrollment, level, topic, cefrLevel, mode);
                return claim.lessonId();
            }
            if (!waitFor(claim.lessonId(), deadline)) {
                throw new ConflictException("LESSON_GENERATING", "This lesson is being generated; try again shortly");
            }
        }
    }

    /** Waits while another caller generates the lesson; false when the deadline passed first. */
    private boolean waitFor(UUID lessonId, Instant deadline) {
        while (clock.instant().isBefore(deadline)) {
            Optional<String> status = lessons.status(lessonId);
            if (status.isEmpty() || !status.get().equals("generating")) return true;
            try {
                sleeper.sleep(settings.claimPoll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void generateInto(UUID lessonId, UUID userId, ActiveEnrollment enrollment, CourseLevel level, String topic,
                              String cefrLevel, GenerationMode mode) {
        try {
            User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
            LessonGenerator.Context context = new LessonGenerator.Context(enrollment.targetLanguage(), user.nativeLanguage(),
                    cefrLevel, topic, level.goal());
            LessonDraft draft = draft(context, mode);
            unitOfWork.run(() -> lessons.saveLesson(lessonId, userId, enrollment.id(), enrollment.targetLanguage(), draft,
                    clock.instant()));
        } catch (RuntimeException e) {
            lessons.release(lessonId);   // a claim only: a finished lesson being made again is kept as it was
            throw e;
        }
    }

    /**
     * Both steps; exercises only from a core that passed its checks. When no model answers the exercise step the
     * lesson is still saved, without exercises and {@code needs_review} (seed 002's soft degradation).
     */
    LessonDraft draft(LessonGenerator.Context context, GenerationMode mode) {
        LessonGenerator.Step<LessonCore> core = generator.core(context, mode, false);
        if (core.quality() != ResultQuality.OK) {
            return draftOf(context, mode, core, null);
        }
        LessonGenerator.Step<List<Exercise>> exercises;
        try {
            exercises = generator.exercises(context, core.value(), mode, false);
        } catch (ModelUnavailableException | ModelBadResponseException e) {
            exercises = LessonGenerator.unavailableExercises();
        }
        return draftOf(context, mode, core, exercises);
    }

    private LessonDraft draftOf(LessonGenerator.Context context, GenerationMode mode, LessonGenerator.Step<LessonCore> core,
                                LessonGenerator.Step<List<Exercise>> exercises) {
        Set<String> errors = new LinkedHashSet<>(core.errors());
        ResultQuality quality = core.quality();
        int repairs = core.repairs();
        List<Exercise> list = List.of();
        String rawExercises = null;
        if (exercises == null) {
            quality = ResultQuality.NEEDS_REVIEW;
        } else {
            errors.addAll(exercises.errors());
            repairs += exercises.repairs();
            list = exercises.value();
            rawExercises = exercises.json();
            if (exercises.quality() != ResultQuality.OK) quality = ResultQuality.NEEDS_REVIEW;
        }
        return new LessonDraft(core.value(), codec.writeExercises(list), quality, repairs, List.copyOf(errors),
                core.provider(), core.model(), LessonGenerator.PROMPT_VERSION, inputContext(context, mode), core.json(),
                rawExercises);
    }

    private static Map<String, String> inputContext(LessonGenerator.Context context, GenerationMode mode) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("target_language", context.targetLanguage());
        input.put("native_language", context.nativeLanguage());
        input.put("level", context.cefrLevel());
        input.put("topic", context.topic());
        input.put("goal", context.goal());
        input.put("generation_mode", mode.code());
        return input;
    }

    @Override
    public Page<String> list(Actor actor, PageRequest page) {
        return reader.activeCourseLessons(CourseService.userId(actor), page);
    }

    @Override
    public String get(Actor actor, UUID lessonId) {
        return reader.lessonJson(CourseService.userId(actor), lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
    }

    @Override
    /** New exercises; a model failure is the caller's (503/502) and leaves the stored exercises as they were. */
    public String regenerateExercises(Actor actor, UUID lessonId, String generationMode) {
        StoredLesson lesson = stored(actor, lessonId);
        GenerationMode mode = GenerationMode.parse(generationMode);
        LessonGenerator.Step<List<Exercise>> step = generator.exercises(context(lesson), lesson.core(), mode, true);
        unitOfWork.run(() -> lessons.saveExercises(lessonId, codec.writeExercises(step.value()), step.quality(),
                step.repairs(), step.errors(), step.json()));
        return get(actor, lessonId);
    }

    @Override
    public String regenerateCore(Actor actor, UUID lessonId, String generationMode) {
        StoredLesson lesson = stored(actor, lessonId);
        GenerationMode mode = GenerationMode.parse(generationMode);
        LessonGenerator.Context context = context(lesson);
        LessonGenerator.Step<LessonCore> core = generator.core(context, mode, true);
        LessonDraft draft = draftOf(context, mode, core, null);
        unitOfWork.run(() -> lessons.saveLesson(lessonId, lesson.userId(), lesson.enrollmentId(), lesson.targetLanguage(),
                draft, clock.instant()));
        return get(actor, lessonId);
    }

    private StoredLesson stored(Actor actor, UUID lessonId) {
        return lessons.find(CourseService.userId(actor), lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
    }

    private LessonGenerator.Context context(StoredLesson lesson) {
        User user = users.findById(lesson.userId()).orElseThrow(() -> new NotFoundException("User"));
        return new LessonGenerator.Context(lesson.targetLanguage(), user.nativeLanguage(), lesson.cefrLevel(),
                lesson.topic(), "Learn the words of " + lesson.topic());
    }
}
