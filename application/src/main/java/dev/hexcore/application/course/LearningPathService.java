package dev.hexcore.application.course;

import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CefrLevel;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.course.LevelType;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code generate-full} and {@code retry-lessons}: lessons one after another, paced by {@code sleep_seconds}; a lesson
 * that fails is listed in {@code failed_topics} (with the quota's Retry-After when the model was unavailable) and the
 * others go on.
 */
public final class LearningPathService implements LearningPathUseCase {
    static final int MAX_SLEEP_SECONDS = 10;
    static final int MAX_RETRY_IDS = 20;

    private final CoursesUseCase courses;
    private final LessonsUseCase lessons;
    private final LessonProducer producer;
    private final CourseRepository courseRepository;
    private final LessonRepository lessonRepository;
    private final Sleeper sleeper;
    private final CourseSettings settings;

    public LearningPathService(CoursesUseCase courses, LessonsUseCase lessons, LessonProducer producer,
                               CourseRepository courseRepository, LessonRepository lessonRepository, Sleeper sleeper,
                               CourseSettings settings) {
        this.courses = courses;
        this.lessons = lessons;
        this.producer = producer;
        this.courseRepository = courseRepository;
        this.lessonRepository = lessonRepository;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    @Override
    public PathResult generateFull(Actor actor, GenerateFullCommand command) {
        int maxTopics = command.maxTopics() == null ? 3 : command.maxTopics();
        if (maxTopics < 1 || maxTopics > settings.maxTopics()) {
            throw new InvalidValueException("max_topics", "must be between 1 and " + settings.maxTopics());
        }
        Duration pause = pause(command.sleepSeconds());
        GenerationMode mode = GenerationMode.parse(command.generationMode());
        courses.generate(actor, new CoursesUseCase.GenerateCourseCommand(command.interests(), command.level(),
                command.regeneratePath()));
        ActiveEnrollment enrollment = active(actor);
        String level = CefrLevel.parse("level", command.level());
        List<CourseLevel> targets = courseRepository.levels(enrollment.id(), LevelType.LESSON).stream().limit(maxTopics).toList();
        Batch batch = new Batch();
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) sleep(pause);
            CourseLevel target = targets.get(i);
            batch.run(target, () -> producer.ensure(actor.id(), enrollment, target, target.topic(), level, mode,
                    command.forceRegenerateLessons()));
        }
        return batch.result(actor);
    }

    @Override
    public PathResult retryLessons(Actor actor, RetryLessonsCommand command) {
        List<UUID> ids = command.levelTemplateIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_RETRY_IDS || ids.contains(null)) {
            throw new InvalidValueException("level_template_ids", "must list 1 to " + MAX_RETRY_IDS + " level ids");
        }
        String mode = command.mode() == null ? "full" : command.mode().strip().toLowerCase(Locale.ROOT);
        if (!List.of("full", "core", "exercises").contains(mode)) {
            throw new InvalidValueException("mode", "must be full, core or exercises");
        }
        Duration pause = pause(command.sleepSeconds());
        GenerationMode generationMode = GenerationMode.parse(command.generationMode());
        ActiveEnrollment enrollment = active(actor);
        String level = command.level() == null ? enrollment.cefrLevel() : CefrLevel.parse("level", command.level());
        Batch batch = new Batch();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) sleep(pause);
            Optional<CourseLevel> target = courseRepository.level(enrollment.id(), ids.get(i));
            if (target.isEmpty()) {
                batch.failed.add(new FailedTopic(ids.get(i), null, "NOT_FOUND"));
                continue;
            }
            CourseLevel courseLevel = target.get();
            Optional<UUID> existing = lessonRepository.lessonOf(enrollment.id(), courseLevel.id());
            batch.run(courseLevel, () -> {
                if (existing.isEmpty() || mode.equals("full")) {
                    return producer.ensure(actor.id(), enrollment, courseLevel, courseLevel.topic(), level, generationMode,
                            existing.isPresent());
                }
                if (mode.equals("core")) lessons.regenerateCore(actor, existing.get(), generationMode.code());
                else lessons.regenerateExercises(actor, existing.get(), generationMode.code());
                return existing.get();
            });
        }
        return batch.result(actor);
    }

    /** The lessons made so far and what failed, with the longest Retry-After of a quota failure. */
    private final class Batch {
        final List<UUID> made = new ArrayList<>();
        final List<FailedTopic> failed = new ArrayList<>();
        Long retryAfterSeconds;

        void run(CourseLevel level, Supplier<UUID> lesson) {
            try {
                made.add(lesson.get());
            } catch (ModelUnavailableException e) {
                long seconds = Math.max(1, e.retryAfter().toSeconds());
                retryAfterSeconds = retryAfterSeconds == null ? seconds : Math.max(retryAfterSeconds, seconds);
                failed.add(new FailedTopic(level.id(), level.topic(), e.code()));
            } catch (DomainException e) {
                failed.add(new FailedTopic(level.id(), level.topic(), e.code()));
            }
        }

        PathResult result(Actor actor) {
            List<String> views = made.stream().map(id -> lessons.get(actor, id)).toList();
            return new PathResult(courses.activeCourse(actor), views, List.copyOf(failed), retryAfterSeconds);
        }
    }

    private ActiveEnrollment active(Actor actor) {
        return courseRepository.activeEnrollment(CourseService.userId(actor)).orElseThrow(() -> new ConflictException(
                "NO_ACTIVE_COURSE", "Generate a course first (POST /api/v1/path/generate)"));
    }

    private static Duration pause(Integer sleepSeconds) {
        int seconds = sleepSeconds == null ? 0 : sleepSeconds;
        if (seconds < 0 || seconds > MAX_SLEEP_SECONDS) {
            throw new InvalidValueException("sleep_seconds", "must be between 0 and " + MAX_SLEEP_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }

    private void sleep(Duration pause) {
        if (pause.isZero()) return;
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
