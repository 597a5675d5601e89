package dev.hexcore.application.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.application.gamification.GamificationService;
import dev.hexcore.application.gamification.GamificationSettings;
import dev.hexcore.application.gamification.fakes.InMemoryGamificationStore;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CourseKey;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseReader;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LevelAttempt;
import dev.hexcore.domain.course.LevelCompleted;
import dev.hexcore.domain.course.LevelStatus;
import dev.hexcore.domain.course.LevelType;
import dev.hexcore.domain.course.NewCourseTemplate;
import dev.hexcore.domain.gamification.XpLedger;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CourseServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");

    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final InMemoryUserRepository users = new InMemoryUserRepository(uow);
    private final InMemoryCourse course = new InMemoryCourse(uow);
    private final Map<UUID, Long> xp = new HashMap<>();
    private final List<LevelCompleted> events = new ArrayList<>();
    private final XpLedger ledger = new XpLedger() {
        @Override
        public long add(UUID userId, long amount) {
            uow.requireActive();
            return xp.merge(userId, amount, Long::sum);
        }

        @Override
        public long total(UUID userId) {
            return xp.getOrDefault(userId, 0L);
        }
    };
    /** A gateway that must not be called: these tests reuse templates or only report progress. */
    private final ModelGateway noModel = new ModelGateway() {
        @Override
        public CompletionStage<ModelResult> reply(ModelRequest request) {
            throw new AssertionError("no model call expected");
        }

        @Override
        public ModelResult structured(ModelRequest request) {
            throw new AssertionError("no model call expected");
        }

        @Override
        public ModelResult images(ModelRequest request) {
            throw new AssertionError("no model call expected");
        }
    };
    private final CourseSettings settings = new CourseSettings(List.of(new ModelRef("offline", "offline")),
            List.of(new ModelRef("offline", "offline")), Duration.ofSeconds(5), 100, Duration.ofSeconds(5),
            Duration.ofMillis(10), Duration.ofMinutes(5), 10);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The handler production wires (CourseWiring): it adds the level's XP through the ledger. */
    private final GamificationService gamification = new GamificationService(
            new InMemoryGamificationStore(uow, ledger), ledger, uow, clock, new GamificationSettings(1, 50, 2));
    private final CourseService service = new CourseService(course, course, users,
            new CourseGenerator(noModel, null, settings), ledger, List.of(gamification, events::add), uow,
            UUID::randomUUID, clock, settings);
    private final UUID userId = UUID.randomUUID();
    private final Actor actor = Actor.user(userId, Set.of(Role.USER));

    private void enrolled() {
        uow.run(() -> users.save(User.register(userId, "learner", "learner@example.test", "hash", Set.of(Role.USER),
                "Russian", "Kazakh", NOW)));
        course.enrollWithLevels(userId, 3);
    }

    @Test
    void finishingALevelUnlocksTheNextAddsXpAndPublishesTheEvent() {
        enrolled();
        CoursesUseCase.ProgressResult result = service.reportProgress(actor,
                new CoursesUseCase.ProgressCommand(course.levelId(0), "completed", 2, 40, null));

        assertThat(result.newStatus()).isEqualTo("completed");
        assertThat(result.nextLevelUnlocked()).isTrue();
        assertThat(result.userTotalXp()).isEqualTo(40);
        assertThat(course.statuses()).containsExactly(LevelStatus.COMPLETED, LevelStatus.IN_PROGRESS, LevelStatus.LOCKED);
        assertThat(course.attempts).singleElement().satisfies(a -> assertThat(a.answersJson()).isEqualTo("{}"));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo(userId);
            assertThat(e.xpGained()).isEqualTo(40);
            assertThat(e.stars()).isEqualTo(2);
        });

        // again with fewer stars: the best stars stay, nothing new to unlock, XP adds up
        CoursesUseCase.ProgressResult again = service.reportProgress(actor,
                new CoursesUseCase.ProgressCommand(course.levelId(0), "completed", 1, 10, null));
        assertThat(again.nextLevelUnlocked()).isFalse();
        assertThat(again.userTotalXp()).isEqualTo(50);
        assertThat(course.stars(0)).isEqualTo(2);
    }

    @Test
    void goldIsKeptOnceReached() {
        enrolled();
        service.reportProgress(actor, new CoursesUseCase.ProgressCommand(course.levelId(0), "gold", 3, 0, null));
        CoursesUseCase.ProgressResult later = service.reportProgress(actor,
                new CoursesUseCase.ProgressCommand(course.levelId(0), "completed", 1, 0, null));
        assertThat(later.newStatus()).isEqualTo("gold");
        assertThat(xp).as("no XP, no ledger write").isEmpty();
    }

    @Test
    void aLockedLevelIsAConflictAndNothingIsRecorded() {
        enrolled();
        assertThatThrownBy(() -> service.reportProgress(actor, new CoursesUseCase.ProgressCommand(course.levelId(2),
                "completed", 3, 10, null))).isInstanceOf(ConflictException.class).hasMessageContaining("locked");
        assertThat(course.attempts).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void badReportsNameEveryField() {
        enrolled();
        assertThatThrownBy(() -> service.reportProgress(actor, new CoursesUseCase.ProgressCommand(null, "locked", 4, 101, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.errors())
                        .extracting(InvalidValueException.FieldError::field)
                        .containsExactly("level_template_id", "status", "stars", "xp_gained"));
        assertThatThrownBy(() -> service.reportProgress(actor, new CoursesUseCase.ProgressCommand(UUID.randomUUID(),
                "completed", 1, 1, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anActiveTemplateForTheSameInterestsIsReusedWithoutAModelCall() {
        uow.run(() -> users.save(User.register(userId, "learner", "learner@example.test", "hash", Set.of(Role.USER),
                "Russian", "Kazakh", NOW)));
        UUID shared = UUID.randomUUID();
        course.templates.put(CourseKey.slug("Kazakh", "A1", List.of("Music", "Travel")), shared);

        service.generate(actor, new CoursesUseCase.GenerateCourseCommand(List.of("travel", "music"), "a1", false));

        assertThat(course.enrolledTemplate).isEqualTo(shared);
    }

    @Test
    void interestsAreCheckedBeforeAnythingElse() {
        assertThatThrownBy(() -> service.generate(actor, new CoursesUseCase.GenerateCourseCommand(List.of(" "), "A1", false)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("interests[0]"));
        assertThatThrownBy(() -> service.generate(actor, new CoursesUseCase.GenerateCourseCommand(null, "A1", false)))
                .isInstanceOf(InvalidValueException.class);
    }

    /** One enrollment with a line of levels; writes only inside a transaction, as the PostgreSQL adapter. */
    private static final class InMemoryCourse implements CourseRepository, CourseReader {
        final FakeUnitOfWork uow;
        final Map<String, UUID> templates = new HashMap<>();
        final List<UUID> levels = new ArrayList<>();
        final Map<UUID, LevelStatus> status = new HashMap<>();
        final Map<UUID, Integer> stars = new HashMap<>();
        final List<LevelAttempt> attempts = new ArrayList<>();
        ActiveEnrollment enrollment;
        UUID enrolledTemplate;

        InMemoryCourse(FakeUnitOfWork uow) {
            this.uow = uow;
        }

        void enrollWithLevels(UUID userId, int count) {
            enrollment = new ActiveEnrollment(UUID.randomUUID(), userId, UUID.randomUUID(), "Kazakh", "A1");
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                levels.add(id);
                status.put(id, i == 0 ? LevelStatus.IN_PROGRESS : LevelStatus.LOCKED);
                stars.put(id, 0);
            }
        }

        UUID levelId(int index) {
            return levels.get(index);
        }

        int stars(int index) {
            return stars.get(levels.get(index));
        }

        List<LevelStatus> statuses() {
            return levels.stream().map(status::get).toList();
        }

        @Override
        public Optional<String> activeCourseJson(UUID userId) {
            return Optional.ofNullable(enrollment).map(e -> "{\"enrollment_id\":\"" + e.id() + "\"}");
        }

        @Override
        public void lockUser(UUID userId) {
            uow.requireActive();
        }

        @Override
        public Optional<ActiveEnrollment> activeEnrollment(UUID userId) {
            return Optional.ofNullable(enrollment).filter(e -> e.userId().equals(userId));
        }

        @Override
        public Optional<UUID> activeTemplate(String slug) {
            return Optional.ofNullable(templates.get(slug));
        }

        @Override
        public void saveTemplate(NewCourseTemplate template) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public void archiveActive(UUID userId, Instant now) {
            uow.requireActive();
            enrollment = null;
        }

        @Override
        public UUID enroll(UUID enrollmentId, UUID userId, UUID templateId, Instant now) {
            uow.requireActive();
            enrolledTemplate = templateId;
            enrollment = new ActiveEnrollment(enrollmentId, userId, templateId, "Kazakh", "A1");
            return enrollmentId;
        }

        @Override
        public Optional<CourseLevel> level(UUID enrollmentId, UUID levelTemplateId) {
            if (!levels.contains(levelTemplateId)) return Optional.empty();
            return Optional.of(new CourseLevel(levelTemplateId, LevelType.LESSON, "Travel", "Learn", levels.indexOf(levelTemplateId) + 1,
                    status.get(levelTemplateId), stars.get(levelTemplateId)));
        }

        @Override
        public List<CourseLevel> levels(UUID enrollmentId, LevelType type) {
            return levels.stream().map(id -> level(enrollmentId, id).orElseThrow()).toList();
        }

        @Override
        public void updateProgress(UUID enrollmentId, UUID levelTemplateId, LevelStatus newStatus, int newStars, Instant at) {
            uow.requireActive();
            status.put(levelTemplateId, newStatus);
            stars.put(levelTemplateId, newStars);
        }

        @Override
        public void recordAttempt(LevelAttempt attempt) {
            uow.requireActive();
            attempts.add(attempt);
        }

        @Override
        public boolean unlockNext(UUID enrollmentId, UUID levelTemplateId) {
            uow.requireActive();
            int next = levels.indexOf(levelTemplateId) + 1;
            if (next >= levels.size() || status.get(levels.get(next)) != LevelStatus.LOCKED) return false;
            status.put(levels.get(next), LevelStatus.IN_PROGRESS);
            return true;
        }
    }
}
