package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.course.CourseGenerator;
import dev.hexcore.application.course.CourseService;
import dev.hexcore.application.course.CourseSettings;
import dev.hexcore.application.course.CoursesUseCase;
import dev.hexcore.application.course.LearningPathService;
import dev.hexcore.application.course.LearningPathUseCase;
import dev.hexcore.application.course.LessonGenerator;
import dev.hexcore.application.course.LessonProducer;
import dev.hexcore.application.course.LessonService;
import dev.hexcore.application.course.LessonsUseCase;
import dev.hexcore.application.gamification.GamificationService;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.domain.course.CourseReader;
import dev.hexcore.domain.course.CourseRepository;
import dev.hexcore.domain.course.LessonContentCodec;
import dev.hexcore.domain.course.LessonReader;
import dev.hexcore.domain.course.LessonRepository;
import dev.hexcore.domain.gamification.XpLedger;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Courses and lessons (seed 002): the services, their model chains ({@code hexcore.ai.chains.course|lesson}), XP. */
public class CourseWiring {
    @Produces
    @Singleton
    CourseSettings courseSettings(ModelSettings models,
                                  @ConfigProperty(name = "hexcore.courses.budget", defaultValue = "PT60S") Duration budget,
                                  @ConfigProperty(name = "hexcore.courses.max-xp-per-attempt", defaultValue = "1000") int maxXp,
                                  @ConfigProperty(name = "hexcore.courses.claim-wait", defaultValue = "PT90S") Duration claimWait,
                                  @ConfigProperty(name = "hexcore.courses.claim-poll", defaultValue = "PT0.1S") Duration claimPoll,
                                  @ConfigProperty(name = "hexcore.courses.stale-claim", defaultValue = "PT5M") Duration staleClaim,
                                  @ConfigProperty(name = "hexcore.courses.max-topics", defaultValue = "10") int maxTopics) {
        return new CourseSettings(models.chain("course"), models.chain("lesson"), budget, maxXp, claimWait, claimPoll,
                staleClaim, maxTopics);
    }

    @Produces
    @Singleton
    @Typed(CoursesUseCase.class)
    CourseService courses(CourseRepository courses, CourseReader reader, UserRepository users, ModelGateway gateway,
                          LessonContentCodec codec, XpLedger xp, GamificationService gamification, UnitOfWork uow,
                          IdGenerator ids, Clock clock, CourseSettings settings) {
        return new CourseService(courses, reader, users, new CourseGenerator(gateway, codec, settings), xp,
                List.of(gamification), uow, ids, clock, settings);
    }

    @Produces
    @Singleton
    @Typed({LessonsUseCase.class, LessonProducer.class})
    LessonService lessons(CourseRepository courses, LessonRepository lessons, LessonReader reader, UserRepository users,
                          ModelGateway gateway, LessonContentCodec codec, UnitOfWork uow, IdGenerator ids, Clock clock,
                          CourseSettings settings) {
        return new LessonService(courses, lessons, reader, users, new LessonGenerator(gateway, codec, settings), codec, uow,
                ids, clock, Sleeper.system(), settings);
    }

    @Produces
    @Singleton
    @Typed(LearningPathUseCase.class)
    LearningPathService learningPath(CoursesUseCase courses, LessonsUseCase lessons, LessonProducer producer,
                                     CourseRepository courseRepository, LessonRepository lessonRepository,
                                     CourseSettings settings) {
        return new LearningPathService(courses, lessons, producer, courseRepository, lessonRepository, Sleeper.system(),
                settings);
    }
}
