package dev.hexcore.application.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.Exercise;
import dev.hexcore.domain.course.LessonClaim;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonCore;
import dev.hexcore.domain.course.LessonDraft;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.course.LevelStatus;
import dev.hexcore.domain.course.LevelType;
import dev.hexcore.domain.course.StoredLesson;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The claim of a lesson: one caller generates, the others wait for it, a failed generation frees the level. */
class LessonServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));
    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final InMemoryUserRepository users = new InMemoryUserRepository(uow);
    private final ClaimTable lessons = new ClaimTable();
    private final List<ModelRequest> modelCalls = new ArrayList<>();
    private boolean modelDown;
    private String downOperation = "";
    /** Answers every step with "{}"; the codec below turns it into the sample lesson and its exercises. */
    private final ModelGateway gateway = new ModelGateway() {
        @Override
        public CompletionStage<ModelResult> reply(ModelRequest request) {
            throw new AssertionError("text is not used by lessons");
        }

        @Override
        public ModelResult structured(ModelRequest request) {
            modelCalls.add(request);
            if (modelDown || request.operation().equals(downOperation)) {
                throw new ModelUnavailableException("all keys cooling", Duration.ofSeconds(20));
            }
            return ModelResult.of("scripted", "m").json("{}").build();
        }

        @Override
        public ModelResult images(ModelRequest request) {
            throw new AssertionError("images are not used by lessons");
        }
    };
    private final LessonContentCodec codec = new LessonContentCodec() {
        final LessonCore sample = SampleContent.lesson("Kazakh").orElseThrow();

        @Override
        public CourseOutline readOutline(String json) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String writeOutline(CourseOutline outline) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LessonCore readCore(String json) {
            return sample;
        }

        @Override
        public String writeCore(LessonCore core) {
            return "{\"core\":true}";
        }

        @Override
        public List<Exercise> readExercises(String json) {
            return SampleContent.exercises(sample, "Kazakh");
        }

        @Override
        public String writeExercises(List<Exercise> exercises) {
            return "{\"exercises\":" + exercises.size() + "}";
        }
    };
    private final CourseSettings settings = new CourseSettings(List.of(new ModelRef("offline", "offline")),
            List.of(new ModelRef("offline", "offline")), Duration.ofSeconds(30), 1000, Duration.ofSeconds(2),
            Duration.ofMillis(100), Duration.ofMinutes(5), 10);
    private final UUID userId = UUID.randomUUID();
    private final ActiveEnrollment enrollment = new ActiveEnrollment(UUID.randomUUID(), userId, UUID.randomUUID(), "Kazakh", "A1");
    private final CourseLevel level = new CourseLevel(UUID.randomUUID(), LevelType.LESSON, "Travel", "Learn the words of Travel",
            1, LevelStatus.IN_PROGRESS, 0);
    /** Runs {@link ClaimTable#onPoll} at each poll, then "sleeps" by moving the clock. */
    private final LessonService service = new LessonService(null, lessons, null, users,
            new LessonGenerator(gateway, codec, settings), codec, uow, UUID::randomUUID, clock, duration -> {
                lessons.onPoll.run();
                clock.advance(duration);
            }, settings);

    LessonServiceTest() {
        uow.run(() -> users.save(User.register(userId, "learner", "learner@example.test", "hash", Set.of(Role.USER),
                "Russian", "Kazakh", clock.instant())));
    }

    private UUID ensure() {
        return service.ensure(userId, enrollment, level, "Travel", "A1", GenerationMode.BALANCED, false);
    }

    @Test
    void theFirstCallerClaimsGeneratesBothStepsAndSavesInATransaction() {
        UUID id = ensure();

        assertThat(modelCalls).extracting(ModelRequest::operation)
                .containsExactly("course.lesson.core", "course.lesson.exercises");
        assertThat(lessons.status.get(id)).isEqualTo("ok");
        LessonDraft draft = lessons.saved.get(id);
        assertThat(draft.quality()).isEqualTo(ResultQuality.OK);
        assertThat(draft.inputContext()).containsEntry("topic", "Travel").containsEntry("target_language", "Kazakh");
        assertThat(uow.commits()).isEqualTo(2);   // the user's registration, then the lesson

        assertThat(ensure()).as("stored: no second generation").isEqualTo(id);
        assertThat(modelCalls).hasSize(2);
    }

    @Test
    void aCallerFindingTheLessonBeingGeneratedWaitsForItWithoutCallingTheModel() {
        UUID other = lessons.claimedByAnother();
        lessons.onPoll = () -> lessons.status.put(other, "needs_review");

        assertThat(ensure()).isEqualTo(other);
        assertThat(modelCalls).isEmpty();
    }

    @Test
    void whenTheOtherCallerFailsTheWaiterClaimsTheLevelItself() {
        UUID other = lessons.claimedByAnother();
        lessons.onPoll = () -> lessons.status.remove(other);

        UUID id = ensure();

        assertThat(id).isNotEqualTo(other);
        assertThat(lessons.status.get(id)).isEqualTo("ok");
        assertThat(modelCalls).hasSize(2);
    }

    @Test
    void aGenerationThatOutlastsTheWaitIsAConflict() {
        lessons.claimedByAnother();
        assertThatThrownBy(this::ensure).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("LESSON_GENERATING"));
        assertThat(modelCalls).isEmpty();
    }

    @Test
    void aFailedGenerationReleasesItsClaimSoTheNextCallTriesAgain() {
        modelDown = true;
        assertThatThrownBy(this::ensure).isInstanceOf(ModelUnavailableException.class);
        assertThat(lessons.status).isEmpty();

        modelDown = false;
        assertThat(lessons.status.get(ensure())).isEqualTo("ok");
    }

    @Test
    void whenNoModelAnswersTheExerciseStepTheLessonIsKeptForReview() {
        downOperation = "course.lesson.exercises";
        UUID id = ensure();

        LessonDraft draft = lessons.saved.get(id);
        assertThat(draft.quality()).isEqualTo(ResultQuality.NEEDS_REVIEW);
        assertThat(draft.validationErrors()).containsExactly("EXERCISES_UNAVAILABLE");
        assertThat(draft.exercisesJson()).isEqualTo("{\"exercises\":0}");
        assertThat(draft.core().vocabulary()).isNotEmpty();
        assertThat(lessons.status.get(id)).isEqualTo("needs_review");
    }

    /** The generated_lessons table as far as claims go: one row per level, "generating" until saved. */
    private final class ClaimTable implements LessonRepository {
        final Map<UUID, String> status = new HashMap<>();
        final Map<UUID, LessonDraft> saved = new HashMap<>();
        Runnable onPoll = () -> { };

        UUID claimedByAnother() {
            UUID id = UUID.randomUUID();
            status.put(id, "generating");
            return id;
        }

        @Override
        public LessonClaim claim(UUID candidateId, UUID enrollmentId, UUID levelTemplateId, String topic,
                                 String promptVersion, Instant now, Instant staleBefore) {
            Optional<UUID> existing = status.keySet().stream().findFirst();
            if (existing.isEmpty()) {
                status.put(candidateId, "generating");
                return new LessonClaim(candidateId, true, false);
            }
            return new LessonClaim(existing.get(), false, !status.get(existing.get()).equals("generating"));
        }

        @Override
        public Optional<String> status(UUID lessonId) {
            return Optional.ofNullable(status.get(lessonId));
        }

        @Override
        public void release(UUID lessonId) {
            status.remove(lessonId, "generating");
        }

        @Override
        public void saveLesson(UUID lessonId, UUID user, UUID enrollmentId, String targetLanguage, LessonDraft draft, Instant now) {
            uow.requireActive();
            status.put(lessonId, draft.quality() == ResultQuality.OK ? "ok" : "needs_review");
            saved.put(lessonId, draft);
        }

        @Override
        public void saveExercises(UUID lessonId, String exercisesJson, ResultQuality quality, int repairCount,
                                  List<String> validationErrors, String rawExercisesJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<UUID> lessonOf(UUID enrollmentId, UUID levelTemplateId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredLesson> find(UUID user, UUID lessonId) {
            throw new UnsupportedOperationException();
        }
    }
}
