package dev.hexcore.application.course;

import dev.hexcore.domain.course.ActiveEnrollment;
import dev.hexcore.domain.course.CefrLevel;
import dev.hexcore.domain.course.CourseKey;
import dev.hexcore.domain.course.CourseLevel;
import dev.hexcore.domain.course.CourseOutline;
import dev.hexcore.domain.course.CourseReader;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LevelAttempt;
import dev.hexcore.domain.course.LevelCompleted;
import dev.hexcore.domain.course.LevelCompletedHandler;
import dev.hexcore.domain.course.LevelStatus;
import dev.hexcore.domain.course.NewCourseTemplate;
import dev.hexcore.domain.gamification.XpLedger;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Courses (seed 002 §10.1, §20.1): a shared template per (target language, level, interests), reused without a model
 * call while active; the user's enrollment with progress for every level; progress reports that unlock the next level
 * and publish {@link LevelCompleted}. The model is called outside any transaction; the writes that follow lock the
 * user's row so two generations of one user queue.
 */
public final class CourseService implements CoursesUseCase {
    static final int MAX_INTERESTS = 10;
    static final int MAX_INTEREST_LENGTH = 100;

    private final CourseRepository courses;
    private final CourseReader reader;
    private final UserRepository users;
    private final CourseGenerator generator;
    private final XpLedger xp;
    private final List<LevelCompletedHandler> handlers;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final CourseSettings settings;

    public CourseService(CourseRepository courses, CourseReader reader, UserRepository users, CourseGenerator generator,
                         XpLedger xp, List<LevelCompletedHandler> handlers, UnitOfWork unitOfWork, IdGenerator ids,
                         Clock clock, CourseSettings settings) {
        this.courses = courses;
        this.reader = reader;
        this.users = users;
        this.generator = generator;
        this.xp = xp;
        this.handlers = List.copyOf(handlers);
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String activeCourse(Actor actor) {
        return reader.activeCourseJson(userId(actor)).orElseThrow(() -> new NotFoundException("Active course"));
    }

    @Override
    public String generate(Actor actor, GenerateCourseCommand command) {
        UUID userId = userId(actor);
        List<String> interests = interests(command.interests());
        String level = CefrLevel.parse("level", command.level());
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        String slug = CourseKey.slug(user.targetLanguage(), level, interests);
        if (!command.regenerate()) {
            if (courses.activeEnrollment(userId).isPresent()) return activeCourse(actor);
            Optional<UUID> shared = courses.activeTemplate(slug);
            if (shared.isPresent()) return enrol(actor, shared.get(), false);
        }
        CourseOutline outline = generator.outline(user.targetLanguage(), user.nativeLanguage(), level, interests,
                command.regenerate());
        UUID templateId = ids.next();
        Instant now = clock.instant();
        unitOfWork.run(() -> courses.saveTemplate(
                new NewCourseTemplate(templateId, slug, user.targetLanguage(), level, interests, outline, now)));
        return enrol(actor, templateId, command.regenerate());
    }

    /** Makes the template the user's active course (archiving the current one when asked) and answers the view. */
    private String enrol(Actor actor, UUID templateId, boolean replace) {
        UUID userId = actor.id();
        unitOfWork.run(() -> {
            courses.lockUser(userId);
            Instant now = clock.instant();
            Optional<ActiveEnrollment> active = courses.activeEnrollment(userId);
            if (active.isPresent() && !replace) return;   // a concurrent call of this user enrolled first
            if (active.isPresent()) courses.archiveActive(userId, now);
            courses.enroll(ids.next(), userId, templateId, now);
        });
        return activeCourse(actor);
    }

    @Override
    public ProgressResult reportProgress(Actor actor, ProgressCommand command) {
        UUID userId = userId(actor);
        List<FieldError> errors = new ArrayList<>();
        if (command.levelTemplateId() == null) errors.add(new FieldError("level_template_id", "is required"));
        LevelStatus status = null;
        try {
            status = LevelStatus.parse("status", command.status());
            if (!status.finished()) errors.add(new FieldError("status", "must be completed or gold"));
        } catch (InvalidValueException e) {
            errors.add(new FieldError("status", "must be completed or gold"));
        }
        int stars = command.stars() == null ? 0 : command.stars();
        int gained = command.xpGained() == null ? 0 : command.xpGained();
        if (stars < 0 || stars > 3) errors.add(new FieldError("stars", "must be between 0 and 3"));
        if (gained < 0 || gained > settings.maxXpPerAttempt()) {
            errors.add(new FieldError("xp_gained", "must be between 0 and " + settings.maxXpPerAttempt()));
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        LevelStatus reported = status;
        return unitOfWork.inTransaction(() -> {
            courses.lockUser(userId);
            ActiveEnrollment enrollment = courses.activeEnrollment(userId)
                    .orElseThrow(() -> new NotFoundException("Active course"));
            CourseLevel level = courses.level(enrollment.id(), command.levelTemplateId())
                    .orElseThrow(() -> new NotFoundException("Level"));
            if (level.status() == LevelStatus.LOCKED) {
                throw new ConflictException("LEVEL_LOCKED", "This level is locked: finish the levels before it first");
            }
            Instant now = clock.instant();
            LevelStatus kept = level.status() == LevelStatus.GOLD ? LevelStatus.GOLD : reported;
            courses.updateProgress(enrollment.id(), level.id(), kept, Math.max(stars, level.stars()), now);
            UUID attemptId = ids.next();
            courses.recordAttempt(new LevelAttempt(attemptId, enrollment.id(), level.id(), reported, stars, gained,
                    command.answersJson() == null ? "{}" : command.answersJson(), now));
            boolean unlocked = courses.unlockNext(enrollment.id(), level.id());
            LevelCompleted event = new LevelCompleted(attemptId, userId, enrollment.id(), level.id(), reported, stars, gained, now);
            handlers.forEach(handler -> handler.on(event));
            return new ProgressResult(kept.code(), unlocked, xp.total(userId));
        });
    }

    static List<String> interests(List<String> interests) {
        if (interests == null || interests.isEmpty()) throw new InvalidValueException("interests", "must list 1 to " + MAX_INTERESTS + " interests");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < interests.size(); i++) {
            String interest = interests.get(i);
            if (interest == null || interest.isBlank() || interest.strip().length() > MAX_INTEREST_LENGTH) {
                throw new InvalidValueException("interests[" + i + "]", "must be 1 to " + MAX_INTEREST_LENGTH + " characters");
            }
            distinct.add(interest.strip());
        }
        if (distinct.size() > MAX_INTERESTS) throw new InvalidValueException("interests", "must list 1 to " + MAX_INTERESTS + " interests");
        return List.copyOf(distinct);
    }

    static UUID userId(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("Courses are for signed-in users");
        return actor.id();
    }
}
